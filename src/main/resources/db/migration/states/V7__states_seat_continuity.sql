-- Two former members did not end: their seat went on under another state. The USSR's seat is
-- held by the Russian Federation since 1991-12-24 (letter of President Yeltsin, 1991-12-24),
-- and the seat of China by the People's Republic of China since GA res 2758 (XXVI) of
-- 1971-10-25. While the former member sat, its successor did not hold a seat of its own, so
-- a roll call of that time counts one seat, not two. Mergers (DDR into DEU, YMD into YEM,
-- ZAN into TZA) are different: both states sat until the merger.
alter table states_state add column successor_continues_seat boolean not null default false;
update states_state set successor_continues_seat = true where iso3 in ('SUN', 'TWN');
