-- Reference data: UN regional groups and voting blocs, with dated membership.
--
-- Conventions
--   * states_grouping.source names the list each grouping was taken from; the comment block above each
--     grouping repeats it.
--   * role is MEMBER unless the grouping itself gives the state another status (OBSERVER, ASSOCIATE).
--   * joined_on / left_on are given where documented. For founding members joined_on is the founding date;
--     where a later accession date is not documented joined_on is left null rather than guessed.
--   * A row with left_on set is a former member. Suspensions do not end membership and are given in note.
--   * Only codes present in states_state are used (193 UN members by ISO 3166-1 alpha-3, observers PSE/VAT,
--     and the non-member entities COK, NIU, PYF, NCL, MSR, ESH).
--   * Status as researched on 2026-11-26; items that could not be confirmed are flagged in the notes.

-- ===========================================================================================================
-- AFRICAN: African States (UN regional group)
-- Source: UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups
-- Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group
-- renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 54
-- Member States.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('AFRICAN', 'African States', 'REGIONAL_GROUP',
     'UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups',
     'Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 54 Member States.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('AFRICAN', 'DZA', 'MEMBER',    null,         null,         null),  -- Algeria
    ('AFRICAN', 'AGO', 'MEMBER',    null,         null,         null),  -- Angola
    ('AFRICAN', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('AFRICAN', 'BWA', 'MEMBER',    null,         null,         null),  -- Botswana
    ('AFRICAN', 'BFA', 'MEMBER',    null,         null,         null),  -- Burkina Faso
    ('AFRICAN', 'BDI', 'MEMBER',    null,         null,         null),  -- Burundi
    ('AFRICAN', 'CPV', 'MEMBER',    null,         null,         null),  -- Cabo Verde
    ('AFRICAN', 'CMR', 'MEMBER',    null,         null,         null),  -- Cameroon
    ('AFRICAN', 'CAF', 'MEMBER',    null,         null,         null),  -- Central African Republic
    ('AFRICAN', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('AFRICAN', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('AFRICAN', 'COG', 'MEMBER',    null,         null,         null),  -- Congo
    ('AFRICAN', 'CIV', 'MEMBER',    null,         null,         null),  -- Cote d'Ivoire
    ('AFRICAN', 'COD', 'MEMBER',    null,         null,         null),  -- Democratic Republic of the Congo
    ('AFRICAN', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('AFRICAN', 'EGY', 'MEMBER',    null,         null,         null),  -- Egypt
    ('AFRICAN', 'GNQ', 'MEMBER',    null,         null,         null),  -- Equatorial Guinea
    ('AFRICAN', 'ERI', 'MEMBER',    null,         null,         null),  -- Eritrea
    ('AFRICAN', 'SWZ', 'MEMBER',    null,         null,         null),  -- Eswatini
    ('AFRICAN', 'ETH', 'MEMBER',    null,         null,         null),  -- Ethiopia
    ('AFRICAN', 'GAB', 'MEMBER',    null,         null,         null),  -- Gabon
    ('AFRICAN', 'GMB', 'MEMBER',    null,         null,         null),  -- Gambia
    ('AFRICAN', 'GHA', 'MEMBER',    null,         null,         null),  -- Ghana
    ('AFRICAN', 'GIN', 'MEMBER',    null,         null,         null),  -- Guinea
    ('AFRICAN', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('AFRICAN', 'KEN', 'MEMBER',    null,         null,         null),  -- Kenya
    ('AFRICAN', 'LSO', 'MEMBER',    null,         null,         null),  -- Lesotho
    ('AFRICAN', 'LBR', 'MEMBER',    null,         null,         null),  -- Liberia
    ('AFRICAN', 'LBY', 'MEMBER',    null,         null,         null),  -- Libya
    ('AFRICAN', 'MDG', 'MEMBER',    null,         null,         null),  -- Madagascar
    ('AFRICAN', 'MWI', 'MEMBER',    null,         null,         null),  -- Malawi
    ('AFRICAN', 'MLI', 'MEMBER',    null,         null,         null),  -- Mali
    ('AFRICAN', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('AFRICAN', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('AFRICAN', 'MAR', 'MEMBER',    null,         null,         null),  -- Morocco
    ('AFRICAN', 'MOZ', 'MEMBER',    null,         null,         null),  -- Mozambique
    ('AFRICAN', 'NAM', 'MEMBER',    null,         null,         null),  -- Namibia
    ('AFRICAN', 'NER', 'MEMBER',    null,         null,         null),  -- Niger
    ('AFRICAN', 'NGA', 'MEMBER',    null,         null,         null),  -- Nigeria
    ('AFRICAN', 'RWA', 'MEMBER',    null,         null,         null),  -- Rwanda
    ('AFRICAN', 'STP', 'MEMBER',    null,         null,         null),  -- Sao Tome and Principe
    ('AFRICAN', 'SEN', 'MEMBER',    null,         null,         null),  -- Senegal
    ('AFRICAN', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('AFRICAN', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('AFRICAN', 'SOM', 'MEMBER',    null,         null,         null),  -- Somalia
    ('AFRICAN', 'ZAF', 'MEMBER',    null,         null,         null),  -- South Africa
    ('AFRICAN', 'SSD', 'MEMBER',    null,         null,         null),  -- South Sudan
    ('AFRICAN', 'SDN', 'MEMBER',    null,         null,         null),  -- Sudan
    ('AFRICAN', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('AFRICAN', 'TUN', 'MEMBER',    null,         null,         null),  -- Tunisia
    ('AFRICAN', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('AFRICAN', 'TZA', 'MEMBER',    null,         null,         null),  -- United Republic of Tanzania
    ('AFRICAN', 'ZMB', 'MEMBER',    null,         null,         null),  -- Zambia
    ('AFRICAN', 'ZWE', 'MEMBER',    null,         null,         null);  -- Zimbabwe

-- ===========================================================================================================
-- ASIA_PACIFIC: Asia-Pacific States (UN regional group)
-- Source: UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups
-- Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group
-- renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 54
-- Member States (the 53 long-standing members plus Kiribati); Turkiye also participates (see its row) but
-- counts with WEOG for elections. The State of Palestine is not on the DGACM list of Member States but takes
-- part as a full member of the group (see its row).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('ASIA_PACIFIC', 'Asia-Pacific States', 'REGIONAL_GROUP',
     'UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups',
     'Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 54 Member States (the 53 long-standing members plus Kiribati); Turkiye also participates (see its row) but counts with WEOG for elections. The State of Palestine is not on the DGACM list of Member States but takes part as a full member of the group (see its row).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('ASIA_PACIFIC', 'AFG', 'MEMBER',    null,         null,         null),  -- Afghanistan
    ('ASIA_PACIFIC', 'BHR', 'MEMBER',    null,         null,         null),  -- Bahrain
    ('ASIA_PACIFIC', 'BGD', 'MEMBER',    null,         null,         null),  -- Bangladesh
    ('ASIA_PACIFIC', 'BTN', 'MEMBER',    null,         null,         null),  -- Bhutan
    ('ASIA_PACIFIC', 'BRN', 'MEMBER',    null,         null,         null),  -- Brunei Darussalam
    ('ASIA_PACIFIC', 'KHM', 'MEMBER',    null,         null,         null),  -- Cambodia
    ('ASIA_PACIFIC', 'CHN', 'MEMBER',    null,         null,         null),  -- China
    ('ASIA_PACIFIC', 'CYP', 'MEMBER',    null,         null,         'Geographically in Europe; member of the Asia-Pacific group (and of the EU).'),  -- Cyprus
    ('ASIA_PACIFIC', 'PRK', 'MEMBER',    null,         null,         null),  -- Democratic People's Republic of Korea
    ('ASIA_PACIFIC', 'FJI', 'MEMBER',    null,         null,         null),  -- Fiji
    ('ASIA_PACIFIC', 'IND', 'MEMBER',    null,         null,         null),  -- India
    ('ASIA_PACIFIC', 'IDN', 'MEMBER',    null,         null,         null),  -- Indonesia
    ('ASIA_PACIFIC', 'IRN', 'MEMBER',    null,         null,         null),  -- Iran
    ('ASIA_PACIFIC', 'IRQ', 'MEMBER',    null,         null,         null),  -- Iraq
    ('ASIA_PACIFIC', 'JPN', 'MEMBER',    null,         null,         null),  -- Japan
    ('ASIA_PACIFIC', 'JOR', 'MEMBER',    null,         null,         null),  -- Jordan
    ('ASIA_PACIFIC', 'KAZ', 'MEMBER',    null,         null,         null),  -- Kazakhstan
    ('ASIA_PACIFIC', 'KIR', 'MEMBER',    null,         null,         'Listed by DGACM in the Asia-Pacific group. Older DGACM lists (2010) noted that Kiribati was not a member of any regional group; the date it joined is not documented.'),  -- Kiribati
    ('ASIA_PACIFIC', 'KWT', 'MEMBER',    null,         null,         null),  -- Kuwait
    ('ASIA_PACIFIC', 'KGZ', 'MEMBER',    null,         null,         null),  -- Kyrgyzstan
    ('ASIA_PACIFIC', 'LAO', 'MEMBER',    null,         null,         null),  -- Lao PDR
    ('ASIA_PACIFIC', 'LBN', 'MEMBER',    null,         null,         null),  -- Lebanon
    ('ASIA_PACIFIC', 'MYS', 'MEMBER',    null,         null,         null),  -- Malaysia
    ('ASIA_PACIFIC', 'MDV', 'MEMBER',    null,         null,         null),  -- Maldives
    ('ASIA_PACIFIC', 'MHL', 'MEMBER',    null,         null,         null),  -- Marshall Islands
    ('ASIA_PACIFIC', 'FSM', 'MEMBER',    null,         null,         null),  -- Micronesia (Federated States of)
    ('ASIA_PACIFIC', 'MNG', 'MEMBER',    null,         null,         null),  -- Mongolia
    ('ASIA_PACIFIC', 'MMR', 'MEMBER',    null,         null,         null),  -- Myanmar
    ('ASIA_PACIFIC', 'NRU', 'MEMBER',    null,         null,         null),  -- Nauru
    ('ASIA_PACIFIC', 'NPL', 'MEMBER',    null,         null,         null),  -- Nepal
    ('ASIA_PACIFIC', 'OMN', 'MEMBER',    null,         null,         null),  -- Oman
    ('ASIA_PACIFIC', 'PAK', 'MEMBER',    null,         null,         null),  -- Pakistan
    ('ASIA_PACIFIC', 'PLW', 'MEMBER',    null,         null,         null),  -- Palau
    ('ASIA_PACIFIC', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('ASIA_PACIFIC', 'PHL', 'MEMBER',    null,         null,         null),  -- Philippines
    ('ASIA_PACIFIC', 'QAT', 'MEMBER',    null,         null,         null),  -- Qatar
    ('ASIA_PACIFIC', 'KOR', 'MEMBER',    null,         null,         null),  -- Republic of Korea
    ('ASIA_PACIFIC', 'WSM', 'MEMBER',    null,         null,         null),  -- Samoa
    ('ASIA_PACIFIC', 'SAU', 'MEMBER',    null,         null,         null),  -- Saudi Arabia
    ('ASIA_PACIFIC', 'SGP', 'MEMBER',    null,         null,         null),  -- Singapore
    ('ASIA_PACIFIC', 'SLB', 'MEMBER',    null,         null,         null),  -- Solomon Islands
    ('ASIA_PACIFIC', 'LKA', 'MEMBER',    null,         null,         null),  -- Sri Lanka
    ('ASIA_PACIFIC', 'SYR', 'MEMBER',    null,         null,         null),  -- Syrian Arab Republic
    ('ASIA_PACIFIC', 'TJK', 'MEMBER',    null,         null,         null),  -- Tajikistan
    ('ASIA_PACIFIC', 'THA', 'MEMBER',    null,         null,         null),  -- Thailand
    ('ASIA_PACIFIC', 'TLS', 'MEMBER',    null,         null,         null),  -- Timor-Leste
    ('ASIA_PACIFIC', 'TON', 'MEMBER',    null,         null,         null),  -- Tonga
    ('ASIA_PACIFIC', 'TKM', 'MEMBER',    null,         null,         null),  -- Turkmenistan
    ('ASIA_PACIFIC', 'TUV', 'MEMBER',    null,         null,         null),  -- Tuvalu
    ('ASIA_PACIFIC', 'ARE', 'MEMBER',    null,         null,         null),  -- United Arab Emirates
    ('ASIA_PACIFIC', 'UZB', 'MEMBER',    null,         null,         null),  -- Uzbekistan
    ('ASIA_PACIFIC', 'VUT', 'MEMBER',    null,         null,         null),  -- Vanuatu
    ('ASIA_PACIFIC', 'VNM', 'MEMBER',    null,         null,         null),  -- Viet Nam
    ('ASIA_PACIFIC', 'YEM', 'MEMBER',    null,         null,         null),  -- Yemen
    ('ASIA_PACIFIC', 'TUR', 'MEMBER',    null,         null,         'Participates fully in both WEOG and the Asia-Pacific group, but for electoral purposes is considered a member of WEOG only (DGACM). Do not count this row for elections.'),  -- Turkiye
    ('ASIA_PACIFIC', 'PSE', 'MEMBER',    '1986-04-02', null,         'UN non-member observer State, not on the DGACM list; the Asian Group accepted the PLO as a full member on 1986-04-02 (Permanent Observer Mission of Palestine). Cannot be elected to GA bodies as a non-member.');  -- State of Palestine

-- ===========================================================================================================
-- EASTERN_EUROPEAN: Eastern European States (UN regional group)
-- Source: UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups
-- Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group
-- renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 23
-- Member States.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('EASTERN_EUROPEAN', 'Eastern European States', 'REGIONAL_GROUP',
     'UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups',
     'Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 23 Member States.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('EASTERN_EUROPEAN', 'ALB', 'MEMBER',    null,         null,         null),  -- Albania
    ('EASTERN_EUROPEAN', 'ARM', 'MEMBER',    null,         null,         null),  -- Armenia
    ('EASTERN_EUROPEAN', 'AZE', 'MEMBER',    null,         null,         null),  -- Azerbaijan
    ('EASTERN_EUROPEAN', 'BLR', 'MEMBER',    null,         null,         null),  -- Belarus
    ('EASTERN_EUROPEAN', 'BIH', 'MEMBER',    null,         null,         null),  -- Bosnia and Herzegovina
    ('EASTERN_EUROPEAN', 'BGR', 'MEMBER',    null,         null,         null),  -- Bulgaria
    ('EASTERN_EUROPEAN', 'HRV', 'MEMBER',    null,         null,         null),  -- Croatia
    ('EASTERN_EUROPEAN', 'CZE', 'MEMBER',    null,         null,         null),  -- Czechia
    ('EASTERN_EUROPEAN', 'EST', 'MEMBER',    null,         null,         null),  -- Estonia
    ('EASTERN_EUROPEAN', 'GEO', 'MEMBER',    null,         null,         null),  -- Georgia
    ('EASTERN_EUROPEAN', 'HUN', 'MEMBER',    null,         null,         null),  -- Hungary
    ('EASTERN_EUROPEAN', 'LVA', 'MEMBER',    null,         null,         null),  -- Latvia
    ('EASTERN_EUROPEAN', 'LTU', 'MEMBER',    null,         null,         null),  -- Lithuania
    ('EASTERN_EUROPEAN', 'MNE', 'MEMBER',    null,         null,         null),  -- Montenegro
    ('EASTERN_EUROPEAN', 'MKD', 'MEMBER',    null,         null,         null),  -- North Macedonia
    ('EASTERN_EUROPEAN', 'POL', 'MEMBER',    null,         null,         null),  -- Poland
    ('EASTERN_EUROPEAN', 'MDA', 'MEMBER',    null,         null,         null),  -- Republic of Moldova
    ('EASTERN_EUROPEAN', 'ROU', 'MEMBER',    null,         null,         null),  -- Romania
    ('EASTERN_EUROPEAN', 'RUS', 'MEMBER',    null,         null,         null),  -- Russian Federation
    ('EASTERN_EUROPEAN', 'SRB', 'MEMBER',    null,         null,         null),  -- Serbia
    ('EASTERN_EUROPEAN', 'SVK', 'MEMBER',    null,         null,         null),  -- Slovakia
    ('EASTERN_EUROPEAN', 'SVN', 'MEMBER',    null,         null,         null),  -- Slovenia
    ('EASTERN_EUROPEAN', 'UKR', 'MEMBER',    null,         null,         null);  -- Ukraine

-- ===========================================================================================================
-- GRULAC: Latin American and Caribbean States (UN regional group)
-- Source: UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups
-- Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group
-- renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 33
-- Member States.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('GRULAC', 'Latin American and Caribbean States', 'REGIONAL_GROUP',
     'UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups',
     'Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 33 Member States.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('GRULAC', 'ATG', 'MEMBER',    null,         null,         null),  -- Antigua and Barbuda
    ('GRULAC', 'ARG', 'MEMBER',    null,         null,         null),  -- Argentina
    ('GRULAC', 'BHS', 'MEMBER',    null,         null,         null),  -- Bahamas
    ('GRULAC', 'BRB', 'MEMBER',    null,         null,         null),  -- Barbados
    ('GRULAC', 'BLZ', 'MEMBER',    null,         null,         null),  -- Belize
    ('GRULAC', 'BOL', 'MEMBER',    null,         null,         null),  -- Bolivia
    ('GRULAC', 'BRA', 'MEMBER',    null,         null,         null),  -- Brazil
    ('GRULAC', 'CHL', 'MEMBER',    null,         null,         null),  -- Chile
    ('GRULAC', 'COL', 'MEMBER',    null,         null,         null),  -- Colombia
    ('GRULAC', 'CRI', 'MEMBER',    null,         null,         null),  -- Costa Rica
    ('GRULAC', 'CUB', 'MEMBER',    null,         null,         null),  -- Cuba
    ('GRULAC', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('GRULAC', 'DOM', 'MEMBER',    null,         null,         null),  -- Dominican Republic
    ('GRULAC', 'ECU', 'MEMBER',    null,         null,         null),  -- Ecuador
    ('GRULAC', 'SLV', 'MEMBER',    null,         null,         null),  -- El Salvador
    ('GRULAC', 'GRD', 'MEMBER',    null,         null,         null),  -- Grenada
    ('GRULAC', 'GTM', 'MEMBER',    null,         null,         null),  -- Guatemala
    ('GRULAC', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('GRULAC', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('GRULAC', 'HND', 'MEMBER',    null,         null,         null),  -- Honduras
    ('GRULAC', 'JAM', 'MEMBER',    null,         null,         null),  -- Jamaica
    ('GRULAC', 'MEX', 'MEMBER',    null,         null,         null),  -- Mexico
    ('GRULAC', 'NIC', 'MEMBER',    null,         null,         null),  -- Nicaragua
    ('GRULAC', 'PAN', 'MEMBER',    null,         null,         null),  -- Panama
    ('GRULAC', 'PRY', 'MEMBER',    null,         null,         null),  -- Paraguay
    ('GRULAC', 'PER', 'MEMBER',    null,         null,         null),  -- Peru
    ('GRULAC', 'KNA', 'MEMBER',    null,         null,         null),  -- Saint Kitts and Nevis
    ('GRULAC', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('GRULAC', 'VCT', 'MEMBER',    null,         null,         null),  -- Saint Vincent and the Grenadines
    ('GRULAC', 'SUR', 'MEMBER',    null,         null,         null),  -- Suriname
    ('GRULAC', 'TTO', 'MEMBER',    null,         null,         null),  -- Trinidad and Tobago
    ('GRULAC', 'URY', 'MEMBER',    null,         null,         null),  -- Uruguay
    ('GRULAC', 'VEN', 'MEMBER',    null,         null,         null);  -- Venezuela

-- ===========================================================================================================
-- WEOG: Western European and Other States (UN regional group)
-- Source: UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups
-- Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group
-- renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 28
-- Member States plus the United States as observer (counted with WEOG for elections).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('WEOG', 'Western European and Other States', 'REGIONAL_GROUP',
     'UN DGACM, United Nations Regional Groups of Member States, un.org/dgacm/en/content/regional-groups',
     'Informal electoral groups of the General Assembly (current five-group pattern since 1966; Asian Group renamed Asia-Pacific in 2011). Membership dates are not recorded by DGACM, so joined_on is left empty. 28 Member States plus the United States as observer (counted with WEOG for elections).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('WEOG', 'AND', 'MEMBER',    null,         null,         null),  -- Andorra
    ('WEOG', 'AUS', 'MEMBER',    null,         null,         null),  -- Australia
    ('WEOG', 'AUT', 'MEMBER',    null,         null,         null),  -- Austria
    ('WEOG', 'BEL', 'MEMBER',    null,         null,         null),  -- Belgium
    ('WEOG', 'CAN', 'MEMBER',    null,         null,         null),  -- Canada
    ('WEOG', 'DNK', 'MEMBER',    null,         null,         null),  -- Denmark
    ('WEOG', 'FIN', 'MEMBER',    null,         null,         null),  -- Finland
    ('WEOG', 'FRA', 'MEMBER',    null,         null,         null),  -- France
    ('WEOG', 'DEU', 'MEMBER',    null,         null,         null),  -- Germany
    ('WEOG', 'GRC', 'MEMBER',    null,         null,         null),  -- Greece
    ('WEOG', 'ISL', 'MEMBER',    null,         null,         null),  -- Iceland
    ('WEOG', 'IRL', 'MEMBER',    null,         null,         null),  -- Ireland
    ('WEOG', 'ISR', 'MEMBER',    null,         null,         'Full member of WEOG in New York since May 2000, initially on a temporary basis subject to renewal; the membership was renewed and made permanent in 2004. Not a member of the Asia-Pacific group.'),  -- Israel
    ('WEOG', 'ITA', 'MEMBER',    null,         null,         null),  -- Italy
    ('WEOG', 'LIE', 'MEMBER',    null,         null,         null),  -- Liechtenstein
    ('WEOG', 'LUX', 'MEMBER',    null,         null,         null),  -- Luxembourg
    ('WEOG', 'MLT', 'MEMBER',    null,         null,         null),  -- Malta
    ('WEOG', 'MCO', 'MEMBER',    null,         null,         null),  -- Monaco
    ('WEOG', 'NLD', 'MEMBER',    null,         null,         null),  -- Netherlands
    ('WEOG', 'NZL', 'MEMBER',    null,         null,         null),  -- New Zealand
    ('WEOG', 'NOR', 'MEMBER',    null,         null,         null),  -- Norway
    ('WEOG', 'PRT', 'MEMBER',    null,         null,         null),  -- Portugal
    ('WEOG', 'SMR', 'MEMBER',    null,         null,         null),  -- San Marino
    ('WEOG', 'ESP', 'MEMBER',    null,         null,         null),  -- Spain
    ('WEOG', 'SWE', 'MEMBER',    null,         null,         null),  -- Sweden
    ('WEOG', 'CHE', 'MEMBER',    null,         null,         null),  -- Switzerland
    ('WEOG', 'TUR', 'MEMBER',    null,         null,         'Participates fully in both WEOG and the Asia-Pacific group; for electoral purposes considered a member of WEOG only (DGACM).'),  -- Turkiye
    ('WEOG', 'GBR', 'MEMBER',    null,         null,         null),  -- United Kingdom
    ('WEOG', 'USA', 'OBSERVER',  null,         null,         'Not a member of any regional group; attends WEOG meetings as an observer and is considered a member of WEOG for electoral purposes (DGACM).');  -- United States

-- ===========================================================================================================
-- EU: European Union (bloc)
-- Source: European Union, EU countries, european-union.europa.eu/principles-countries-history/eu-countries_en
-- 27 member states. joined_on is the date of accession to the European Communities (EEC in force 1958-01-01);
-- the EU as such dates from 1993-11-01. The EU itself has enhanced observer rights in the General Assembly
-- (A/RES/65/276) and is not a state.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('EU', 'European Union', 'BLOC',
     'European Union, EU countries, european-union.europa.eu/principles-countries-history/eu-countries_en',
     '27 member states. joined_on is the date of accession to the European Communities (EEC in force 1958-01-01); the EU as such dates from 1993-11-01. The EU itself has enhanced observer rights in the General Assembly (A/RES/65/276) and is not a state.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('EU', 'BEL', 'MEMBER',    '1958-01-01', null,         null),  -- Belgium
    ('EU', 'FRA', 'MEMBER',    '1958-01-01', null,         null),  -- France
    ('EU', 'DEU', 'MEMBER',    '1958-01-01', null,         'Founding member as the Federal Republic of Germany; the territory of the former GDR joined on unification, 1990-10-03.'),  -- Germany
    ('EU', 'ITA', 'MEMBER',    '1958-01-01', null,         null),  -- Italy
    ('EU', 'LUX', 'MEMBER',    '1958-01-01', null,         null),  -- Luxembourg
    ('EU', 'NLD', 'MEMBER',    '1958-01-01', null,         null),  -- Netherlands
    ('EU', 'DNK', 'MEMBER',    '1973-01-01', null,         null),  -- Denmark
    ('EU', 'IRL', 'MEMBER',    '1973-01-01', null,         null),  -- Ireland
    ('EU', 'GBR', 'MEMBER',    '1973-01-01', '2020-01-31', 'Withdrew under Article 50 TEU (Brexit); transition period ended 2020-12-31.'),  -- United Kingdom
    ('EU', 'GRC', 'MEMBER',    '1981-01-01', null,         null),  -- Greece
    ('EU', 'PRT', 'MEMBER',    '1986-01-01', null,         null),  -- Portugal
    ('EU', 'ESP', 'MEMBER',    '1986-01-01', null,         null),  -- Spain
    ('EU', 'AUT', 'MEMBER',    '1995-01-01', null,         null),  -- Austria
    ('EU', 'FIN', 'MEMBER',    '1995-01-01', null,         null),  -- Finland
    ('EU', 'SWE', 'MEMBER',    '1995-01-01', null,         null),  -- Sweden
    ('EU', 'CYP', 'MEMBER',    '2004-05-01', null,         null),  -- Cyprus
    ('EU', 'CZE', 'MEMBER',    '2004-05-01', null,         null),  -- Czechia
    ('EU', 'EST', 'MEMBER',    '2004-05-01', null,         null),  -- Estonia
    ('EU', 'HUN', 'MEMBER',    '2004-05-01', null,         null),  -- Hungary
    ('EU', 'LVA', 'MEMBER',    '2004-05-01', null,         null),  -- Latvia
    ('EU', 'LTU', 'MEMBER',    '2004-05-01', null,         null),  -- Lithuania
    ('EU', 'MLT', 'MEMBER',    '2004-05-01', null,         null),  -- Malta
    ('EU', 'POL', 'MEMBER',    '2004-05-01', null,         null),  -- Poland
    ('EU', 'SVK', 'MEMBER',    '2004-05-01', null,         null),  -- Slovakia
    ('EU', 'SVN', 'MEMBER',    '2004-05-01', null,         null),  -- Slovenia
    ('EU', 'BGR', 'MEMBER',    '2007-01-01', null,         null),  -- Bulgaria
    ('EU', 'ROU', 'MEMBER',    '2007-01-01', null,         null),  -- Romania
    ('EU', 'HRV', 'MEMBER',    '2013-07-01', null,         null);  -- Croatia

-- ===========================================================================================================
-- AU: African Union (bloc)
-- Source: African Union, Member States, au.int/en/member_states/countryprofiles2
-- 55 member states including the Sahrawi Arab Democratic Republic. joined_on 2002-07-09 (launch of the AU,
-- Durban) for states that were OAU members then; OAU founded 1963-05-25. Suspensions from AU activities do
-- not end membership and are given in the member notes (as known to late 2026; check au.int/en/psc for later
-- decisions).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('AU', 'African Union', 'BLOC',
     'African Union, Member States, au.int/en/member_states/countryprofiles2',
     '55 member states including the Sahrawi Arab Democratic Republic. joined_on 2002-07-09 (launch of the AU, Durban) for states that were OAU members then; OAU founded 1963-05-25. Suspensions from AU activities do not end membership and are given in the member notes (as known to late 2026; check au.int/en/psc for later decisions).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('AU', 'DZA', 'MEMBER',    '2002-07-09', null,         null),  -- Algeria
    ('AU', 'AGO', 'MEMBER',    '2002-07-09', null,         null),  -- Angola
    ('AU', 'BEN', 'MEMBER',    '2002-07-09', null,         null),  -- Benin
    ('AU', 'BWA', 'MEMBER',    '2002-07-09', null,         null),  -- Botswana
    ('AU', 'BFA', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC since 2022-01-31.'),  -- Burkina Faso
    ('AU', 'BDI', 'MEMBER',    '2002-07-09', null,         null),  -- Burundi
    ('AU', 'CPV', 'MEMBER',    '2002-07-09', null,         null),  -- Cabo Verde
    ('AU', 'CMR', 'MEMBER',    '2002-07-09', null,         null),  -- Cameroon
    ('AU', 'CAF', 'MEMBER',    '2002-07-09', null,         null),  -- Central African Republic
    ('AU', 'TCD', 'MEMBER',    '2002-07-09', null,         null),  -- Chad
    ('AU', 'COM', 'MEMBER',    '2002-07-09', null,         null),  -- Comoros
    ('AU', 'COG', 'MEMBER',    '2002-07-09', null,         null),  -- Congo
    ('AU', 'CIV', 'MEMBER',    '2002-07-09', null,         null),  -- Cote d'Ivoire
    ('AU', 'COD', 'MEMBER',    '2002-07-09', null,         null),  -- Democratic Republic of the Congo
    ('AU', 'DJI', 'MEMBER',    '2002-07-09', null,         null),  -- Djibouti
    ('AU', 'EGY', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC 2013-07-05, lifted 2014-06-17.'),  -- Egypt
    ('AU', 'GNQ', 'MEMBER',    '2002-07-09', null,         null),  -- Equatorial Guinea
    ('AU', 'ERI', 'MEMBER',    '2002-07-09', null,         null),  -- Eritrea
    ('AU', 'SWZ', 'MEMBER',    '2002-07-09', null,         null),  -- Eswatini
    ('AU', 'ETH', 'MEMBER',    '2002-07-09', null,         null),  -- Ethiopia
    ('AU', 'GAB', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC 2023-08-31; reinstated 2025-04-30.'),  -- Gabon
    ('AU', 'GMB', 'MEMBER',    '2002-07-09', null,         null),  -- Gambia
    ('AU', 'GHA', 'MEMBER',    '2002-07-09', null,         null),  -- Ghana
    ('AU', 'GIN', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC 2021-09-10; suspension lifted 2026-01-22.'),  -- Guinea
    ('AU', 'GNB', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC since 2025-11-28 (coup of 2025-11-26).'),  -- Guinea-Bissau
    ('AU', 'KEN', 'MEMBER',    '2002-07-09', null,         null),  -- Kenya
    ('AU', 'LSO', 'MEMBER',    '2002-07-09', null,         null),  -- Lesotho
    ('AU', 'LBR', 'MEMBER',    '2002-07-09', null,         null),  -- Liberia
    ('AU', 'LBY', 'MEMBER',    '2002-07-09', null,         null),  -- Libya
    ('AU', 'MDG', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU since 2025-10-15 (military takeover).'),  -- Madagascar
    ('AU', 'MWI', 'MEMBER',    '2002-07-09', null,         null),  -- Malawi
    ('AU', 'MLI', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC since 2021-06-01 (after the May 2021 coup).'),  -- Mali
    ('AU', 'MRT', 'MEMBER',    '2002-07-09', null,         null),  -- Mauritania
    ('AU', 'MUS', 'MEMBER',    '2002-07-09', null,         null),  -- Mauritius
    ('AU', 'MAR', 'MEMBER',    '2017-01-30', null,         'Founding member of the OAU (1963); left the OAU in 1984 over the admission of the SADR; readmitted to the AU 2017-01-30.'),  -- Morocco
    ('AU', 'MOZ', 'MEMBER',    '2002-07-09', null,         null),  -- Mozambique
    ('AU', 'NAM', 'MEMBER',    '2002-07-09', null,         null),  -- Namibia
    ('AU', 'NER', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC since 2023-08-22.'),  -- Niger
    ('AU', 'NGA', 'MEMBER',    '2002-07-09', null,         null),  -- Nigeria
    ('AU', 'RWA', 'MEMBER',    '2002-07-09', null,         null),  -- Rwanda
    ('AU', 'STP', 'MEMBER',    '2002-07-09', null,         null),  -- Sao Tome and Principe
    ('AU', 'SEN', 'MEMBER',    '2002-07-09', null,         null),  -- Senegal
    ('AU', 'SYC', 'MEMBER',    '2002-07-09', null,         null),  -- Seychelles
    ('AU', 'SLE', 'MEMBER',    '2002-07-09', null,         null),  -- Sierra Leone
    ('AU', 'SOM', 'MEMBER',    '2002-07-09', null,         null),  -- Somalia
    ('AU', 'ZAF', 'MEMBER',    '2002-07-09', null,         null),  -- South Africa
    ('AU', 'SSD', 'MEMBER',    '2011-07-26', null,         'Admission carried by the required majority of member states on 2011-07-26; formal admission ceremony 2011-08-15.'),  -- South Sudan
    ('AU', 'SDN', 'MEMBER',    '2002-07-09', null,         'Participation suspended by the AU PSC since 2021-10-27.'),  -- Sudan
    ('AU', 'TGO', 'MEMBER',    '2002-07-09', null,         null),  -- Togo
    ('AU', 'TUN', 'MEMBER',    '2002-07-09', null,         null),  -- Tunisia
    ('AU', 'UGA', 'MEMBER',    '2002-07-09', null,         null),  -- Uganda
    ('AU', 'TZA', 'MEMBER',    '2002-07-09', null,         null),  -- United Republic of Tanzania
    ('AU', 'ZMB', 'MEMBER',    '2002-07-09', null,         null),  -- Zambia
    ('AU', 'ZWE', 'MEMBER',    '2002-07-09', null,         null),  -- Zimbabwe
    ('AU', 'ESH', 'MEMBER',    '2002-07-09', null,         'Sahrawi Arab Democratic Republic (not a UN member); admitted to the OAU in 1982; founding member of the AU.');  -- Sahrawi Arab Democratic Republic

-- ===========================================================================================================
-- ASEAN: Association of Southeast Asian Nations (bloc)
-- Source: ASEAN Secretariat, ASEAN Member States, asean.org/member-states
-- 11 member states since Timor-Leste joined on 2025-10-26. Founded by the Bangkok Declaration of 1967-08-08.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('ASEAN', 'Association of Southeast Asian Nations', 'BLOC',
     'ASEAN Secretariat, ASEAN Member States, asean.org/member-states',
     '11 member states since Timor-Leste joined on 2025-10-26. Founded by the Bangkok Declaration of 1967-08-08.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('ASEAN', 'IDN', 'MEMBER',    '1967-08-08', null,         null),  -- Indonesia
    ('ASEAN', 'MYS', 'MEMBER',    '1967-08-08', null,         null),  -- Malaysia
    ('ASEAN', 'PHL', 'MEMBER',    '1967-08-08', null,         null),  -- Philippines
    ('ASEAN', 'SGP', 'MEMBER',    '1967-08-08', null,         null),  -- Singapore
    ('ASEAN', 'THA', 'MEMBER',    '1967-08-08', null,         null),  -- Thailand
    ('ASEAN', 'BRN', 'MEMBER',    '1984-01-07', null,         null),  -- Brunei Darussalam
    ('ASEAN', 'VNM', 'MEMBER',    '1995-07-28', null,         null),  -- Viet Nam
    ('ASEAN', 'LAO', 'MEMBER',    '1997-07-23', null,         null),  -- Lao PDR
    ('ASEAN', 'MMR', 'MEMBER',    '1997-07-23', null,         'Since October 2021 ASEAN has admitted only a non-political representative of Myanmar to its summits.'),  -- Myanmar
    ('ASEAN', 'KHM', 'MEMBER',    '1999-04-30', null,         null),  -- Cambodia
    ('ASEAN', 'TLS', 'MEMBER',    '2025-10-26', null,         null);  -- Timor-Leste

-- ===========================================================================================================
-- OIC: Organisation of Islamic Cooperation (bloc)
-- Source: Organisation of Islamic Cooperation, Member States, oic-oci.org/states
-- 57 member states (including the State of Palestine). Founded at the Rabat summit, 1969-09-25; accession
-- dates are not recorded here (the OIC lists years only). Observer states listed with role OBSERVER; the
-- "Turkish Cypriot State" observer is omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('OIC', 'Organisation of Islamic Cooperation', 'BLOC',
     'Organisation of Islamic Cooperation, Member States, oic-oci.org/states',
     '57 member states (including the State of Palestine). Founded at the Rabat summit, 1969-09-25; accession dates are not recorded here (the OIC lists years only). Observer states listed with role OBSERVER; the "Turkish Cypriot State" observer is omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('OIC', 'AFG', 'MEMBER',    null,         null,         null),  -- Afghanistan
    ('OIC', 'ALB', 'MEMBER',    null,         null,         null),  -- Albania
    ('OIC', 'DZA', 'MEMBER',    null,         null,         null),  -- Algeria
    ('OIC', 'AZE', 'MEMBER',    null,         null,         null),  -- Azerbaijan
    ('OIC', 'BHR', 'MEMBER',    null,         null,         null),  -- Bahrain
    ('OIC', 'BGD', 'MEMBER',    null,         null,         null),  -- Bangladesh
    ('OIC', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('OIC', 'BRN', 'MEMBER',    null,         null,         null),  -- Brunei Darussalam
    ('OIC', 'BFA', 'MEMBER',    null,         null,         null),  -- Burkina Faso
    ('OIC', 'CMR', 'MEMBER',    null,         null,         null),  -- Cameroon
    ('OIC', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('OIC', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('OIC', 'CIV', 'MEMBER',    null,         null,         null),  -- Cote d'Ivoire
    ('OIC', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('OIC', 'EGY', 'MEMBER',    null,         null,         null),  -- Egypt
    ('OIC', 'GAB', 'MEMBER',    null,         null,         null),  -- Gabon
    ('OIC', 'GMB', 'MEMBER',    null,         null,         null),  -- Gambia
    ('OIC', 'GIN', 'MEMBER',    null,         null,         null),  -- Guinea
    ('OIC', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('OIC', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('OIC', 'IDN', 'MEMBER',    null,         null,         null),  -- Indonesia
    ('OIC', 'IRN', 'MEMBER',    null,         null,         null),  -- Iran
    ('OIC', 'IRQ', 'MEMBER',    null,         null,         null),  -- Iraq
    ('OIC', 'JOR', 'MEMBER',    null,         null,         null),  -- Jordan
    ('OIC', 'KAZ', 'MEMBER',    null,         null,         null),  -- Kazakhstan
    ('OIC', 'KWT', 'MEMBER',    null,         null,         null),  -- Kuwait
    ('OIC', 'KGZ', 'MEMBER',    null,         null,         null),  -- Kyrgyzstan
    ('OIC', 'LBN', 'MEMBER',    null,         null,         null),  -- Lebanon
    ('OIC', 'LBY', 'MEMBER',    null,         null,         null),  -- Libya
    ('OIC', 'MYS', 'MEMBER',    null,         null,         null),  -- Malaysia
    ('OIC', 'MDV', 'MEMBER',    null,         null,         null),  -- Maldives
    ('OIC', 'MLI', 'MEMBER',    null,         null,         null),  -- Mali
    ('OIC', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('OIC', 'MAR', 'MEMBER',    null,         null,         null),  -- Morocco
    ('OIC', 'MOZ', 'MEMBER',    null,         null,         null),  -- Mozambique
    ('OIC', 'NER', 'MEMBER',    null,         null,         null),  -- Niger
    ('OIC', 'NGA', 'MEMBER',    null,         null,         null),  -- Nigeria
    ('OIC', 'OMN', 'MEMBER',    null,         null,         null),  -- Oman
    ('OIC', 'PAK', 'MEMBER',    null,         null,         null),  -- Pakistan
    ('OIC', 'PSE', 'MEMBER',    null,         null,         'Member as the State of Palestine (admitted as the PLO).'),  -- State of Palestine
    ('OIC', 'QAT', 'MEMBER',    null,         null,         null),  -- Qatar
    ('OIC', 'SAU', 'MEMBER',    null,         null,         null),  -- Saudi Arabia
    ('OIC', 'SEN', 'MEMBER',    null,         null,         null),  -- Senegal
    ('OIC', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('OIC', 'SOM', 'MEMBER',    null,         null,         null),  -- Somalia
    ('OIC', 'SDN', 'MEMBER',    null,         null,         null),  -- Sudan
    ('OIC', 'SUR', 'MEMBER',    null,         null,         null),  -- Suriname
    ('OIC', 'SYR', 'MEMBER',    null,         null,         'Suspended at the 4th Extraordinary Islamic Summit (Mecca, 2012-08-14/15); reinstated by the Council of Foreign Ministers, Jeddah, 2025-03-07.'),  -- Syrian Arab Republic
    ('OIC', 'TJK', 'MEMBER',    null,         null,         null),  -- Tajikistan
    ('OIC', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('OIC', 'TUN', 'MEMBER',    null,         null,         null),  -- Tunisia
    ('OIC', 'TUR', 'MEMBER',    null,         null,         null),  -- Turkiye
    ('OIC', 'TKM', 'MEMBER',    null,         null,         null),  -- Turkmenistan
    ('OIC', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('OIC', 'ARE', 'MEMBER',    null,         null,         null),  -- United Arab Emirates
    ('OIC', 'UZB', 'MEMBER',    null,         null,         null),  -- Uzbekistan
    ('OIC', 'YEM', 'MEMBER',    null,         null,         null),  -- Yemen
    ('OIC', 'BIH', 'OBSERVER',  null,         null,         null),  -- Bosnia and Herzegovina
    ('OIC', 'CAF', 'OBSERVER',  null,         null,         null),  -- Central African Republic
    ('OIC', 'THA', 'OBSERVER',  null,         null,         null),  -- Thailand
    ('OIC', 'RUS', 'OBSERVER',  null,         null,         null);  -- Russian Federation

-- ===========================================================================================================
-- ARAB_LEAGUE: League of Arab States (bloc)
-- Source: League of Arab States, Member States, lasportal.org
-- 22 member states including the State of Palestine. Founded by the Pact of 1945-03-22. Observers are
-- omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('ARAB_LEAGUE', 'League of Arab States', 'BLOC',
     'League of Arab States, Member States, lasportal.org',
     '22 member states including the State of Palestine. Founded by the Pact of 1945-03-22. Observers are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('ARAB_LEAGUE', 'DZA', 'MEMBER',    '1962-08-16', null,         null),  -- Algeria
    ('ARAB_LEAGUE', 'BHR', 'MEMBER',    '1971-09-11', null,         null),  -- Bahrain
    ('ARAB_LEAGUE', 'COM', 'MEMBER',    '1993-11-20', null,         null),  -- Comoros
    ('ARAB_LEAGUE', 'DJI', 'MEMBER',    '1977-09-04', null,         null),  -- Djibouti
    ('ARAB_LEAGUE', 'EGY', 'MEMBER',    '1945-03-22', null,         'Suspended in 1979 after the Egypt-Israel peace treaty; readmitted in 1989.'),  -- Egypt
    ('ARAB_LEAGUE', 'IRQ', 'MEMBER',    '1945-03-22', null,         null),  -- Iraq
    ('ARAB_LEAGUE', 'JOR', 'MEMBER',    '1945-03-22', null,         'Founding member as Transjordan.'),  -- Jordan
    ('ARAB_LEAGUE', 'KWT', 'MEMBER',    '1961-07-20', null,         null),  -- Kuwait
    ('ARAB_LEAGUE', 'LBN', 'MEMBER',    '1945-03-22', null,         null),  -- Lebanon
    ('ARAB_LEAGUE', 'LBY', 'MEMBER',    '1953-03-28', null,         'Suspended 2011-02-22; restored 2011-08-27 (National Transitional Council seated).'),  -- Libya
    ('ARAB_LEAGUE', 'MRT', 'MEMBER',    '1973-11-26', null,         null),  -- Mauritania
    ('ARAB_LEAGUE', 'MAR', 'MEMBER',    '1958-10-01', null,         null),  -- Morocco
    ('ARAB_LEAGUE', 'OMN', 'MEMBER',    '1971-09-29', null,         null),  -- Oman
    ('ARAB_LEAGUE', 'PSE', 'MEMBER',    '1976-09-09', null,         'Admitted as the PLO; now the State of Palestine.'),  -- State of Palestine
    ('ARAB_LEAGUE', 'QAT', 'MEMBER',    '1971-09-11', null,         null),  -- Qatar
    ('ARAB_LEAGUE', 'SAU', 'MEMBER',    '1945-03-22', null,         null),  -- Saudi Arabia
    ('ARAB_LEAGUE', 'SOM', 'MEMBER',    '1974-02-14', null,         null),  -- Somalia
    ('ARAB_LEAGUE', 'SDN', 'MEMBER',    '1956-01-19', null,         null),  -- Sudan
    ('ARAB_LEAGUE', 'SYR', 'MEMBER',    '1945-03-22', null,         'Suspended 2011-11-16; readmitted 2023-05-07.'),  -- Syrian Arab Republic
    ('ARAB_LEAGUE', 'TUN', 'MEMBER',    '1958-10-01', null,         null),  -- Tunisia
    ('ARAB_LEAGUE', 'ARE', 'MEMBER',    '1971-12-06', null,         null),  -- United Arab Emirates
    ('ARAB_LEAGUE', 'YEM', 'MEMBER',    '1945-05-05', null,         'Joined as (North) Yemen; South Yemen member from 1967-12-12; unified Yemen from 1990-05-22.');  -- Yemen

-- ===========================================================================================================
-- NAM: Non-Aligned Movement (bloc)
-- Source: Non-Aligned Movement, 19th Summit of Heads of State or Government, Kampala, January 2024
-- (membership: 121 members incl. South Sudan, admitted 2024-01-17); NAM has no permanent secretariat
-- 121 members (54 Africa, 39 Asia incl. the State of Palestine, 26 Latin America and Caribbean, 2 Europe)
-- since South Sudan joined in January 2024 (120 before). Founded at the Belgrade conference, 1961-09-01;
-- joined_on is given for the founding participants and recent admissions only. Former members (Argentina,
-- Cyprus, Malta, Yugoslavia) and the observer states are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('NAM', 'Non-Aligned Movement', 'BLOC',
     'Non-Aligned Movement, 19th Summit of Heads of State or Government, Kampala, January 2024 (membership: 121 members incl. South Sudan, admitted 2024-01-17); NAM has no permanent secretariat',
     '121 members (54 Africa, 39 Asia incl. the State of Palestine, 26 Latin America and Caribbean, 2 Europe) since South Sudan joined in January 2024 (120 before). Founded at the Belgrade conference, 1961-09-01; joined_on is given for the founding participants and recent admissions only. Former members (Argentina, Cyprus, Malta, Yugoslavia) and the observer states are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('NAM', 'DZA', 'MEMBER',    '1961-09-01', null,         'Attended the founding Belgrade conference (1961) as the Provisional Government of the Algerian Republic.'),  -- Algeria
    ('NAM', 'AGO', 'MEMBER',    null,         null,         null),  -- Angola
    ('NAM', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('NAM', 'BWA', 'MEMBER',    null,         null,         null),  -- Botswana
    ('NAM', 'BFA', 'MEMBER',    null,         null,         null),  -- Burkina Faso
    ('NAM', 'BDI', 'MEMBER',    null,         null,         null),  -- Burundi
    ('NAM', 'CPV', 'MEMBER',    null,         null,         null),  -- Cabo Verde
    ('NAM', 'CMR', 'MEMBER',    null,         null,         null),  -- Cameroon
    ('NAM', 'CAF', 'MEMBER',    null,         null,         null),  -- Central African Republic
    ('NAM', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('NAM', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('NAM', 'COG', 'MEMBER',    null,         null,         null),  -- Congo
    ('NAM', 'CIV', 'MEMBER',    null,         null,         null),  -- Cote d'Ivoire
    ('NAM', 'COD', 'MEMBER',    '1961-09-01', null,         'Founding participant as Congo (Leopoldville).'),  -- Democratic Republic of the Congo
    ('NAM', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('NAM', 'EGY', 'MEMBER',    '1961-09-01', null,         null),  -- Egypt
    ('NAM', 'GNQ', 'MEMBER',    null,         null,         null),  -- Equatorial Guinea
    ('NAM', 'ERI', 'MEMBER',    null,         null,         null),  -- Eritrea
    ('NAM', 'SWZ', 'MEMBER',    null,         null,         null),  -- Eswatini
    ('NAM', 'ETH', 'MEMBER',    '1961-09-01', null,         null),  -- Ethiopia
    ('NAM', 'GAB', 'MEMBER',    null,         null,         null),  -- Gabon
    ('NAM', 'GMB', 'MEMBER',    null,         null,         null),  -- Gambia
    ('NAM', 'GHA', 'MEMBER',    '1961-09-01', null,         null),  -- Ghana
    ('NAM', 'GIN', 'MEMBER',    '1961-09-01', null,         null),  -- Guinea
    ('NAM', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('NAM', 'KEN', 'MEMBER',    null,         null,         null),  -- Kenya
    ('NAM', 'LSO', 'MEMBER',    null,         null,         null),  -- Lesotho
    ('NAM', 'LBR', 'MEMBER',    null,         null,         null),  -- Liberia
    ('NAM', 'LBY', 'MEMBER',    null,         null,         null),  -- Libya
    ('NAM', 'MDG', 'MEMBER',    null,         null,         null),  -- Madagascar
    ('NAM', 'MWI', 'MEMBER',    null,         null,         null),  -- Malawi
    ('NAM', 'MLI', 'MEMBER',    '1961-09-01', null,         null),  -- Mali
    ('NAM', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('NAM', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('NAM', 'MAR', 'MEMBER',    '1961-09-01', null,         null),  -- Morocco
    ('NAM', 'MOZ', 'MEMBER',    null,         null,         null),  -- Mozambique
    ('NAM', 'NAM', 'MEMBER',    null,         null,         null),  -- Namibia
    ('NAM', 'NER', 'MEMBER',    null,         null,         null),  -- Niger
    ('NAM', 'NGA', 'MEMBER',    null,         null,         null),  -- Nigeria
    ('NAM', 'RWA', 'MEMBER',    null,         null,         null),  -- Rwanda
    ('NAM', 'STP', 'MEMBER',    null,         null,         null),  -- Sao Tome and Principe
    ('NAM', 'SEN', 'MEMBER',    null,         null,         null),  -- Senegal
    ('NAM', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('NAM', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('NAM', 'SOM', 'MEMBER',    '1961-09-01', null,         null),  -- Somalia
    ('NAM', 'ZAF', 'MEMBER',    null,         null,         null),  -- South Africa
    ('NAM', 'SDN', 'MEMBER',    '1961-09-01', null,         null),  -- Sudan
    ('NAM', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('NAM', 'TUN', 'MEMBER',    '1961-09-01', null,         null),  -- Tunisia
    ('NAM', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('NAM', 'TZA', 'MEMBER',    null,         null,         null),  -- United Republic of Tanzania
    ('NAM', 'ZMB', 'MEMBER',    null,         null,         null),  -- Zambia
    ('NAM', 'ZWE', 'MEMBER',    null,         null,         null),  -- Zimbabwe
    ('NAM', 'SSD', 'MEMBER',    '2024-01-17', null,         'Admitted at the 19th Summit ministerial meeting, Kampala, announced 2024-01-17 (121st member).'),  -- South Sudan
    ('NAM', 'AFG', 'MEMBER',    '1961-09-01', null,         null),  -- Afghanistan
    ('NAM', 'BHR', 'MEMBER',    null,         null,         null),  -- Bahrain
    ('NAM', 'BGD', 'MEMBER',    null,         null,         null),  -- Bangladesh
    ('NAM', 'BTN', 'MEMBER',    null,         null,         null),  -- Bhutan
    ('NAM', 'BRN', 'MEMBER',    null,         null,         null),  -- Brunei Darussalam
    ('NAM', 'KHM', 'MEMBER',    '1961-09-01', null,         null),  -- Cambodia
    ('NAM', 'PRK', 'MEMBER',    null,         null,         null),  -- Democratic People's Republic of Korea
    ('NAM', 'FJI', 'MEMBER',    null,         null,         'Admitted in May 2011 (16th Ministerial Conference, Bali).'),  -- Fiji
    ('NAM', 'IND', 'MEMBER',    '1961-09-01', null,         null),  -- India
    ('NAM', 'IDN', 'MEMBER',    '1961-09-01', null,         null),  -- Indonesia
    ('NAM', 'IRN', 'MEMBER',    null,         null,         null),  -- Iran
    ('NAM', 'IRQ', 'MEMBER',    '1961-09-01', null,         null),  -- Iraq
    ('NAM', 'JOR', 'MEMBER',    null,         null,         null),  -- Jordan
    ('NAM', 'KWT', 'MEMBER',    null,         null,         null),  -- Kuwait
    ('NAM', 'LAO', 'MEMBER',    null,         null,         null),  -- Lao PDR
    ('NAM', 'LBN', 'MEMBER',    '1961-09-01', null,         null),  -- Lebanon
    ('NAM', 'MYS', 'MEMBER',    null,         null,         null),  -- Malaysia
    ('NAM', 'MDV', 'MEMBER',    null,         null,         null),  -- Maldives
    ('NAM', 'MNG', 'MEMBER',    null,         null,         null),  -- Mongolia
    ('NAM', 'MMR', 'MEMBER',    '1961-09-01', null,         null),  -- Myanmar
    ('NAM', 'NPL', 'MEMBER',    '1961-09-01', null,         null),  -- Nepal
    ('NAM', 'OMN', 'MEMBER',    null,         null,         null),  -- Oman
    ('NAM', 'PAK', 'MEMBER',    null,         null,         null),  -- Pakistan
    ('NAM', 'PSE', 'MEMBER',    null,         null,         'Member as the State of Palestine (PLO admitted 1976).'),  -- State of Palestine
    ('NAM', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('NAM', 'PHL', 'MEMBER',    null,         null,         null),  -- Philippines
    ('NAM', 'QAT', 'MEMBER',    null,         null,         null),  -- Qatar
    ('NAM', 'SAU', 'MEMBER',    '1961-09-01', null,         null),  -- Saudi Arabia
    ('NAM', 'SGP', 'MEMBER',    null,         null,         null),  -- Singapore
    ('NAM', 'LKA', 'MEMBER',    '1961-09-01', null,         null),  -- Sri Lanka
    ('NAM', 'SYR', 'MEMBER',    null,         null,         null),  -- Syrian Arab Republic
    ('NAM', 'THA', 'MEMBER',    null,         null,         null),  -- Thailand
    ('NAM', 'TLS', 'MEMBER',    null,         null,         null),  -- Timor-Leste
    ('NAM', 'TKM', 'MEMBER',    null,         null,         null),  -- Turkmenistan
    ('NAM', 'ARE', 'MEMBER',    null,         null,         null),  -- United Arab Emirates
    ('NAM', 'UZB', 'MEMBER',    null,         null,         null),  -- Uzbekistan
    ('NAM', 'VUT', 'MEMBER',    null,         null,         null),  -- Vanuatu
    ('NAM', 'VNM', 'MEMBER',    null,         null,         null),  -- Viet Nam
    ('NAM', 'YEM', 'MEMBER',    '1961-09-01', null,         'Founding participant as the Kingdom of Yemen (North Yemen).'),  -- Yemen
    ('NAM', 'ATG', 'MEMBER',    null,         null,         null),  -- Antigua and Barbuda
    ('NAM', 'BHS', 'MEMBER',    null,         null,         null),  -- Bahamas
    ('NAM', 'BRB', 'MEMBER',    null,         null,         null),  -- Barbados
    ('NAM', 'BLZ', 'MEMBER',    null,         null,         null),  -- Belize
    ('NAM', 'BOL', 'MEMBER',    null,         null,         null),  -- Bolivia
    ('NAM', 'CHL', 'MEMBER',    null,         null,         null),  -- Chile
    ('NAM', 'COL', 'MEMBER',    null,         null,         null),  -- Colombia
    ('NAM', 'CUB', 'MEMBER',    '1961-09-01', null,         null),  -- Cuba
    ('NAM', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('NAM', 'DOM', 'MEMBER',    null,         null,         null),  -- Dominican Republic
    ('NAM', 'ECU', 'MEMBER',    null,         null,         null),  -- Ecuador
    ('NAM', 'GRD', 'MEMBER',    null,         null,         null),  -- Grenada
    ('NAM', 'GTM', 'MEMBER',    null,         null,         null),  -- Guatemala
    ('NAM', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('NAM', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('NAM', 'HND', 'MEMBER',    null,         null,         null),  -- Honduras
    ('NAM', 'JAM', 'MEMBER',    null,         null,         null),  -- Jamaica
    ('NAM', 'NIC', 'MEMBER',    null,         null,         null),  -- Nicaragua
    ('NAM', 'PAN', 'MEMBER',    null,         null,         null),  -- Panama
    ('NAM', 'PER', 'MEMBER',    null,         null,         null),  -- Peru
    ('NAM', 'KNA', 'MEMBER',    null,         null,         null),  -- Saint Kitts and Nevis
    ('NAM', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('NAM', 'VCT', 'MEMBER',    null,         null,         null),  -- Saint Vincent and the Grenadines
    ('NAM', 'SUR', 'MEMBER',    null,         null,         null),  -- Suriname
    ('NAM', 'TTO', 'MEMBER',    null,         null,         null),  -- Trinidad and Tobago
    ('NAM', 'VEN', 'MEMBER',    null,         null,         null),  -- Venezuela
    ('NAM', 'AZE', 'MEMBER',    null,         null,         'Admitted in May 2011 (16th Ministerial Conference, Bali).'),  -- Azerbaijan
    ('NAM', 'BLR', 'MEMBER',    null,         null,         null);  -- Belarus

-- ===========================================================================================================
-- G77: Group of 77 and China (bloc)
-- Source: Group of 77, The Member States of the Group of 77, g77.org/doc/members.html
-- 134 member countries including the State of Palestine (and China, see its row). Founded by the Joint
-- Declaration of the Seventy-Seven Countries, UNCTAD, Geneva, 1964-06-15; accession dates are not recorded
-- here. Former members (e.g. Mexico, left on joining the OECD in 1994; Republic of Korea, 1996) are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('G77', 'Group of 77 and China', 'BLOC',
     'Group of 77, The Member States of the Group of 77, g77.org/doc/members.html',
     '134 member countries including the State of Palestine (and China, see its row). Founded by the Joint Declaration of the Seventy-Seven Countries, UNCTAD, Geneva, 1964-06-15; accession dates are not recorded here. Former members (e.g. Mexico, left on joining the OECD in 1994; Republic of Korea, 1996) are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('G77', 'AFG', 'MEMBER',    null,         null,         null),  -- Afghanistan
    ('G77', 'DZA', 'MEMBER',    null,         null,         null),  -- Algeria
    ('G77', 'AGO', 'MEMBER',    null,         null,         null),  -- Angola
    ('G77', 'ATG', 'MEMBER',    null,         null,         null),  -- Antigua and Barbuda
    ('G77', 'ARG', 'MEMBER',    null,         null,         null),  -- Argentina
    ('G77', 'BHS', 'MEMBER',    null,         null,         null),  -- Bahamas
    ('G77', 'BHR', 'MEMBER',    null,         null,         null),  -- Bahrain
    ('G77', 'BGD', 'MEMBER',    null,         null,         null),  -- Bangladesh
    ('G77', 'BRB', 'MEMBER',    null,         null,         null),  -- Barbados
    ('G77', 'BLZ', 'MEMBER',    null,         null,         null),  -- Belize
    ('G77', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('G77', 'BTN', 'MEMBER',    null,         null,         null),  -- Bhutan
    ('G77', 'BOL', 'MEMBER',    null,         null,         null),  -- Bolivia
    ('G77', 'BIH', 'MEMBER',    null,         null,         null),  -- Bosnia and Herzegovina
    ('G77', 'BWA', 'MEMBER',    null,         null,         null),  -- Botswana
    ('G77', 'BRA', 'MEMBER',    null,         null,         null),  -- Brazil
    ('G77', 'BRN', 'MEMBER',    null,         null,         null),  -- Brunei Darussalam
    ('G77', 'BFA', 'MEMBER',    null,         null,         null),  -- Burkina Faso
    ('G77', 'BDI', 'MEMBER',    null,         null,         null),  -- Burundi
    ('G77', 'CPV', 'MEMBER',    null,         null,         null),  -- Cabo Verde
    ('G77', 'KHM', 'MEMBER',    null,         null,         null),  -- Cambodia
    ('G77', 'CMR', 'MEMBER',    null,         null,         null),  -- Cameroon
    ('G77', 'CAF', 'MEMBER',    null,         null,         null),  -- Central African Republic
    ('G77', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('G77', 'CHL', 'MEMBER',    null,         null,         null),  -- Chile
    ('G77', 'CHN', 'MEMBER',    null,         null,         'Listed on the G77 membership page, but China does not regard itself as a member: the group speaks as "the Group of 77 and China"; China supports and co-signs its statements.'),  -- China
    ('G77', 'COL', 'MEMBER',    null,         null,         null),  -- Colombia
    ('G77', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('G77', 'COG', 'MEMBER',    null,         null,         null),  -- Congo
    ('G77', 'CRI', 'MEMBER',    null,         null,         null),  -- Costa Rica
    ('G77', 'CIV', 'MEMBER',    null,         null,         null),  -- Cote d'Ivoire
    ('G77', 'CUB', 'MEMBER',    null,         null,         null),  -- Cuba
    ('G77', 'PRK', 'MEMBER',    null,         null,         null),  -- Democratic People's Republic of Korea
    ('G77', 'COD', 'MEMBER',    null,         null,         null),  -- Democratic Republic of the Congo
    ('G77', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('G77', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('G77', 'DOM', 'MEMBER',    null,         null,         null),  -- Dominican Republic
    ('G77', 'ECU', 'MEMBER',    null,         null,         null),  -- Ecuador
    ('G77', 'EGY', 'MEMBER',    null,         null,         null),  -- Egypt
    ('G77', 'SLV', 'MEMBER',    null,         null,         null),  -- El Salvador
    ('G77', 'GNQ', 'MEMBER',    null,         null,         null),  -- Equatorial Guinea
    ('G77', 'ERI', 'MEMBER',    null,         null,         null),  -- Eritrea
    ('G77', 'SWZ', 'MEMBER',    null,         null,         null),  -- Eswatini
    ('G77', 'ETH', 'MEMBER',    null,         null,         null),  -- Ethiopia
    ('G77', 'FJI', 'MEMBER',    null,         null,         null),  -- Fiji
    ('G77', 'GAB', 'MEMBER',    null,         null,         null),  -- Gabon
    ('G77', 'GMB', 'MEMBER',    null,         null,         null),  -- Gambia
    ('G77', 'GHA', 'MEMBER',    null,         null,         null),  -- Ghana
    ('G77', 'GRD', 'MEMBER',    null,         null,         null),  -- Grenada
    ('G77', 'GTM', 'MEMBER',    null,         null,         null),  -- Guatemala
    ('G77', 'GIN', 'MEMBER',    null,         null,         null),  -- Guinea
    ('G77', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('G77', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('G77', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('G77', 'HND', 'MEMBER',    null,         null,         null),  -- Honduras
    ('G77', 'IND', 'MEMBER',    null,         null,         null),  -- India
    ('G77', 'IDN', 'MEMBER',    null,         null,         null),  -- Indonesia
    ('G77', 'IRN', 'MEMBER',    null,         null,         null),  -- Iran
    ('G77', 'IRQ', 'MEMBER',    null,         null,         null),  -- Iraq
    ('G77', 'JAM', 'MEMBER',    null,         null,         null),  -- Jamaica
    ('G77', 'JOR', 'MEMBER',    null,         null,         null),  -- Jordan
    ('G77', 'KEN', 'MEMBER',    null,         null,         null),  -- Kenya
    ('G77', 'KIR', 'MEMBER',    null,         null,         null),  -- Kiribati
    ('G77', 'KWT', 'MEMBER',    null,         null,         null),  -- Kuwait
    ('G77', 'LAO', 'MEMBER',    null,         null,         null),  -- Lao PDR
    ('G77', 'LBN', 'MEMBER',    null,         null,         null),  -- Lebanon
    ('G77', 'LSO', 'MEMBER',    null,         null,         null),  -- Lesotho
    ('G77', 'LBR', 'MEMBER',    null,         null,         null),  -- Liberia
    ('G77', 'LBY', 'MEMBER',    null,         null,         null),  -- Libya
    ('G77', 'MDG', 'MEMBER',    null,         null,         null),  -- Madagascar
    ('G77', 'MWI', 'MEMBER',    null,         null,         null),  -- Malawi
    ('G77', 'MYS', 'MEMBER',    null,         null,         null),  -- Malaysia
    ('G77', 'MDV', 'MEMBER',    null,         null,         null),  -- Maldives
    ('G77', 'MLI', 'MEMBER',    null,         null,         null),  -- Mali
    ('G77', 'MHL', 'MEMBER',    null,         null,         null),  -- Marshall Islands
    ('G77', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('G77', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('G77', 'FSM', 'MEMBER',    null,         null,         null),  -- Micronesia (Federated States of)
    ('G77', 'MNG', 'MEMBER',    null,         null,         null),  -- Mongolia
    ('G77', 'MAR', 'MEMBER',    null,         null,         null),  -- Morocco
    ('G77', 'MOZ', 'MEMBER',    null,         null,         null),  -- Mozambique
    ('G77', 'MMR', 'MEMBER',    null,         null,         null),  -- Myanmar
    ('G77', 'NAM', 'MEMBER',    null,         null,         null),  -- Namibia
    ('G77', 'NRU', 'MEMBER',    null,         null,         null),  -- Nauru
    ('G77', 'NPL', 'MEMBER',    null,         null,         null),  -- Nepal
    ('G77', 'NIC', 'MEMBER',    null,         null,         null),  -- Nicaragua
    ('G77', 'NER', 'MEMBER',    null,         null,         null),  -- Niger
    ('G77', 'NGA', 'MEMBER',    null,         null,         null),  -- Nigeria
    ('G77', 'OMN', 'MEMBER',    null,         null,         null),  -- Oman
    ('G77', 'PAK', 'MEMBER',    null,         null,         null),  -- Pakistan
    ('G77', 'PAN', 'MEMBER',    null,         null,         null),  -- Panama
    ('G77', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('G77', 'PRY', 'MEMBER',    null,         null,         null),  -- Paraguay
    ('G77', 'PER', 'MEMBER',    null,         null,         null),  -- Peru
    ('G77', 'PHL', 'MEMBER',    null,         null,         null),  -- Philippines
    ('G77', 'QAT', 'MEMBER',    null,         null,         null),  -- Qatar
    ('G77', 'RWA', 'MEMBER',    null,         null,         null),  -- Rwanda
    ('G77', 'KNA', 'MEMBER',    null,         null,         null),  -- Saint Kitts and Nevis
    ('G77', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('G77', 'VCT', 'MEMBER',    null,         null,         null),  -- Saint Vincent and the Grenadines
    ('G77', 'WSM', 'MEMBER',    null,         null,         null),  -- Samoa
    ('G77', 'STP', 'MEMBER',    null,         null,         null),  -- Sao Tome and Principe
    ('G77', 'SAU', 'MEMBER',    null,         null,         null),  -- Saudi Arabia
    ('G77', 'SEN', 'MEMBER',    null,         null,         null),  -- Senegal
    ('G77', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('G77', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('G77', 'SGP', 'MEMBER',    null,         null,         null),  -- Singapore
    ('G77', 'SLB', 'MEMBER',    null,         null,         null),  -- Solomon Islands
    ('G77', 'SOM', 'MEMBER',    null,         null,         null),  -- Somalia
    ('G77', 'ZAF', 'MEMBER',    null,         null,         null),  -- South Africa
    ('G77', 'SSD', 'MEMBER',    null,         null,         null),  -- South Sudan
    ('G77', 'LKA', 'MEMBER',    null,         null,         null),  -- Sri Lanka
    ('G77', 'PSE', 'MEMBER',    null,         null,         'Member as the State of Palestine; chaired the Group in 2019.'),  -- State of Palestine
    ('G77', 'SDN', 'MEMBER',    null,         null,         null),  -- Sudan
    ('G77', 'SUR', 'MEMBER',    null,         null,         null),  -- Suriname
    ('G77', 'SYR', 'MEMBER',    null,         null,         null),  -- Syrian Arab Republic
    ('G77', 'TJK', 'MEMBER',    null,         null,         null),  -- Tajikistan
    ('G77', 'THA', 'MEMBER',    null,         null,         null),  -- Thailand
    ('G77', 'TLS', 'MEMBER',    null,         null,         null),  -- Timor-Leste
    ('G77', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('G77', 'TON', 'MEMBER',    null,         null,         null),  -- Tonga
    ('G77', 'TTO', 'MEMBER',    null,         null,         null),  -- Trinidad and Tobago
    ('G77', 'TUN', 'MEMBER',    null,         null,         null),  -- Tunisia
    ('G77', 'TKM', 'MEMBER',    null,         null,         null),  -- Turkmenistan
    ('G77', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('G77', 'ARE', 'MEMBER',    null,         null,         null),  -- United Arab Emirates
    ('G77', 'TZA', 'MEMBER',    null,         null,         null),  -- United Republic of Tanzania
    ('G77', 'URY', 'MEMBER',    null,         null,         null),  -- Uruguay
    ('G77', 'VUT', 'MEMBER',    null,         null,         null),  -- Vanuatu
    ('G77', 'VEN', 'MEMBER',    null,         null,         null),  -- Venezuela
    ('G77', 'VNM', 'MEMBER',    null,         null,         null),  -- Viet Nam
    ('G77', 'YEM', 'MEMBER',    null,         null,         null),  -- Yemen
    ('G77', 'ZMB', 'MEMBER',    null,         null,         null),  -- Zambia
    ('G77', 'ZWE', 'MEMBER',    null,         null,         null);  -- Zimbabwe

-- ===========================================================================================================
-- CARICOM: Caribbean Community (bloc)
-- Source: Caribbean Community Secretariat, Member States and Associate Members, caricom.org/member-states-
-- and-associate-members
-- 15 full members including Montserrat (a British Overseas Territory). Treaty of Chaguaramas signed
-- 1973-07-04, in force 1973-08-01. The five associate members (Anguilla, Bermuda, British Virgin Islands,
-- Cayman Islands, Turks and Caicos Islands) are non-UN territories not in the register and are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('CARICOM', 'Caribbean Community', 'BLOC',
     'Caribbean Community Secretariat, Member States and Associate Members, caricom.org/member-states-and-associate-members',
     '15 full members including Montserrat (a British Overseas Territory). Treaty of Chaguaramas signed 1973-07-04, in force 1973-08-01. The five associate members (Anguilla, Bermuda, British Virgin Islands, Cayman Islands, Turks and Caicos Islands) are non-UN territories not in the register and are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('CARICOM', 'ATG', 'MEMBER',    '1974-07-04', null,         null),  -- Antigua and Barbuda
    ('CARICOM', 'BHS', 'MEMBER',    '1983-07-04', null,         'Member of the Community but not of the Common Market / CSME.'),  -- Bahamas
    ('CARICOM', 'BRB', 'MEMBER',    '1973-08-01', null,         null),  -- Barbados
    ('CARICOM', 'BLZ', 'MEMBER',    '1974-05-01', null,         null),  -- Belize
    ('CARICOM', 'DMA', 'MEMBER',    '1974-05-01', null,         null),  -- Dominica
    ('CARICOM', 'GRD', 'MEMBER',    '1974-05-01', null,         null),  -- Grenada
    ('CARICOM', 'GUY', 'MEMBER',    '1973-08-01', null,         null),  -- Guyana
    ('CARICOM', 'HTI', 'MEMBER',    '2002-07-02', null,         'Provisionally admitted 1998; formally admitted at the 23rd Heads of Government meeting, Georgetown, 2002-07-02 (some sources give 2002-07-03).'),  -- Haiti
    ('CARICOM', 'JAM', 'MEMBER',    '1973-08-01', null,         null),  -- Jamaica
    ('CARICOM', 'MSR', 'MEMBER',    '1974-05-01', null,         'British Overseas Territory; full member (not a UN member).'),  -- Montserrat
    ('CARICOM', 'KNA', 'MEMBER',    '1974-07-26', null,         null),  -- Saint Kitts and Nevis
    ('CARICOM', 'LCA', 'MEMBER',    '1974-05-01', null,         null),  -- Saint Lucia
    ('CARICOM', 'VCT', 'MEMBER',    '1974-05-01', null,         null),  -- Saint Vincent and the Grenadines
    ('CARICOM', 'SUR', 'MEMBER',    '1995-07-04', null,         null),  -- Suriname
    ('CARICOM', 'TTO', 'MEMBER',    '1973-08-01', null,         null);  -- Trinidad and Tobago

-- ===========================================================================================================
-- PIF: Pacific Islands Forum (bloc)
-- Source: Pacific Islands Forum Secretariat, Forum Members, forumsec.org
-- 18 members, including Cook Islands and Niue (self-governing in free association with New Zealand) and
-- French Polynesia and New Caledonia (French overseas collectivities, full members since 2016-09-10). Founded
-- as the South Pacific Forum, Wellington, 1971-08-05; joined_on given for founders and the 2016 admissions
-- only. In February 2021 the five Micronesian members announced their withdrawal; this was resolved by the
-- Suva Agreement (2022). Associate member Tokelau and the observers are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('PIF', 'Pacific Islands Forum', 'BLOC',
     'Pacific Islands Forum Secretariat, Forum Members, forumsec.org',
     '18 members, including Cook Islands and Niue (self-governing in free association with New Zealand) and French Polynesia and New Caledonia (French overseas collectivities, full members since 2016-09-10). Founded as the South Pacific Forum, Wellington, 1971-08-05; joined_on given for founders and the 2016 admissions only. In February 2021 the five Micronesian members announced their withdrawal; this was resolved by the Suva Agreement (2022). Associate member Tokelau and the observers are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('PIF', 'AUS', 'MEMBER',    '1971-08-05', null,         null),  -- Australia
    ('PIF', 'COK', 'MEMBER',    '1971-08-05', null,         'Self-governing in free association with New Zealand; not a UN member.'),  -- Cook Islands
    ('PIF', 'FSM', 'MEMBER',    null,         null,         null),  -- Micronesia (Federated States of)
    ('PIF', 'FJI', 'MEMBER',    '1971-08-05', null,         'Suspended from the Forum 2009-05-02; reinstated in October 2014.'),  -- Fiji
    ('PIF', 'PYF', 'MEMBER',    '2016-09-10', null,         'French overseas collectivity; associate member from 2006, full member from 2016-09-10.'),  -- French Polynesia
    ('PIF', 'KIR', 'MEMBER',    null,         null,         'Announced its withdrawal in July 2022 and returned to the Forum in 2023.'),  -- Kiribati
    ('PIF', 'MHL', 'MEMBER',    null,         null,         null),  -- Marshall Islands
    ('PIF', 'NRU', 'MEMBER',    '1971-08-05', null,         null),  -- Nauru
    ('PIF', 'NCL', 'MEMBER',    '2016-09-10', null,         'French special collectivity; associate member from 2006, full member from 2016-09-10.'),  -- New Caledonia
    ('PIF', 'NZL', 'MEMBER',    '1971-08-05', null,         null),  -- New Zealand
    ('PIF', 'NIU', 'MEMBER',    null,         null,         'Self-governing in free association with New Zealand; not a UN member.'),  -- Niue
    ('PIF', 'PLW', 'MEMBER',    null,         null,         null),  -- Palau
    ('PIF', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('PIF', 'WSM', 'MEMBER',    '1971-08-05', null,         'Founding member as Western Samoa.'),  -- Samoa
    ('PIF', 'SLB', 'MEMBER',    null,         null,         null),  -- Solomon Islands
    ('PIF', 'TON', 'MEMBER',    '1971-08-05', null,         null),  -- Tonga
    ('PIF', 'TUV', 'MEMBER',    null,         null,         null),  -- Tuvalu
    ('PIF', 'VUT', 'MEMBER',    null,         null,         null);  -- Vanuatu

-- ===========================================================================================================
-- CIS: Commonwealth of Independent States (bloc)
-- Source: CIS Executive Committee, member states, cis.minsk.by; founding Agreement of 1991-12-08 and Alma-Ata
-- Protocol of 1991-12-21
-- 9 member states and one associate (Turkmenistan). Established by the Agreement of 1991-12-08 (Belarus,
-- Russia, Ukraine) and the Alma-Ata Protocol of 1991-12-21; Charter adopted 1993-01-22. Moldova is
-- withdrawing (see its row).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('CIS', 'Commonwealth of Independent States', 'BLOC',
     'CIS Executive Committee, member states, cis.minsk.by; founding Agreement of 1991-12-08 and Alma-Ata Protocol of 1991-12-21',
     '9 member states and one associate (Turkmenistan). Established by the Agreement of 1991-12-08 (Belarus, Russia, Ukraine) and the Alma-Ata Protocol of 1991-12-21; Charter adopted 1993-01-22. Moldova is withdrawing (see its row).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('CIS', 'ARM', 'MEMBER',    '1991-12-21', null,         null),  -- Armenia
    ('CIS', 'AZE', 'MEMBER',    '1993-09-24', null,         'Signed the Alma-Ata Protocol 1991-12-21, but parliament declined ratification in 1992; joined in September 1993.'),  -- Azerbaijan
    ('CIS', 'BLR', 'MEMBER',    '1991-12-08', null,         null),  -- Belarus
    ('CIS', 'KAZ', 'MEMBER',    '1991-12-21', null,         null),  -- Kazakhstan
    ('CIS', 'KGZ', 'MEMBER',    '1991-12-21', null,         null),  -- Kyrgyzstan
    ('CIS', 'MDA', 'MEMBER',    '1991-12-21', null,         'Has not taken part in CIS bodies since about 2022-2023. The government approved denunciation of the founding Agreement, Protocol and Charter on 2026-03-11; withdrawal takes effect 12 months after notification, so Moldova is still a member de jure.'),  -- Republic of Moldova
    ('CIS', 'RUS', 'MEMBER',    '1991-12-08', null,         null),  -- Russian Federation
    ('CIS', 'TJK', 'MEMBER',    '1991-12-21', null,         null),  -- Tajikistan
    ('CIS', 'UZB', 'MEMBER',    '1991-12-21', null,         null),  -- Uzbekistan
    ('CIS', 'TKM', 'ASSOCIATE', '2005-08-26', null,         'Founding signatory (1991-12-21) that never ratified the Charter; associate member since the Kazan summit, 2005-08-26.'),  -- Turkmenistan
    ('CIS', 'GEO', 'MEMBER',    null,         '2009-08-18', 'Joined in 1993; withdrew after the 2008 war with Russia, effective 2009-08-18.'),  -- Georgia
    ('CIS', 'UKR', 'MEMBER',    '1991-12-08', '2018-05-19', 'Co-founder (Belovezha Agreement, 1991-12-08) but never ratified the 1993 Charter, so a founding/participating state rather than a Charter member. Ended participation in CIS statutory bodies by presidential decree of 2018-05-19.');  -- Ukraine

-- ===========================================================================================================
-- CSTO: Collective Security Treaty Organization (bloc)
-- Source: Collective Security Treaty Organization, member states, odkb-csto.org
-- 6 member states. Collective Security Treaty signed 1992-05-15; the organisation was created by the Charter
-- signed 2002-10-07, which is used as joined_on. Former parties (Azerbaijan, Georgia and Uzbekistan, who left
-- in 1999; Uzbekistan rejoined in 2006 and left again in 2012) are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('CSTO', 'Collective Security Treaty Organization', 'BLOC',
     'Collective Security Treaty Organization, member states, odkb-csto.org',
     '6 member states. Collective Security Treaty signed 1992-05-15; the organisation was created by the Charter signed 2002-10-07, which is used as joined_on. Former parties (Azerbaijan, Georgia and Uzbekistan, who left in 1999; Uzbekistan rejoined in 2006 and left again in 2012) are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('CSTO', 'ARM', 'MEMBER',    '2002-10-07', null,         'Froze its participation in 2024 (announced February 2024) and said on 2024-06-12 that it would leave; still formally a member.'),  -- Armenia
    ('CSTO', 'BLR', 'MEMBER',    '2002-10-07', null,         null),  -- Belarus
    ('CSTO', 'KAZ', 'MEMBER',    '2002-10-07', null,         null),  -- Kazakhstan
    ('CSTO', 'KGZ', 'MEMBER',    '2002-10-07', null,         null),  -- Kyrgyzstan
    ('CSTO', 'RUS', 'MEMBER',    '2002-10-07', null,         null),  -- Russian Federation
    ('CSTO', 'TJK', 'MEMBER',    '2002-10-07', null,         null);  -- Tajikistan

-- ===========================================================================================================
-- NATO: North Atlantic Treaty Organization (bloc)
-- Source: NATO, Member countries, nato.int/cps/en/natohq/topics_52044.htm
-- 32 Allies. North Atlantic Treaty signed 1949-04-04, in force 1949-08-24 (joined_on for the 12 founders);
-- later dates are deposits of instruments of accession.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('NATO', 'North Atlantic Treaty Organization', 'BLOC',
     'NATO, Member countries, nato.int/cps/en/natohq/topics_52044.htm',
     '32 Allies. North Atlantic Treaty signed 1949-04-04, in force 1949-08-24 (joined_on for the 12 founders); later dates are deposits of instruments of accession.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('NATO', 'BEL', 'MEMBER',    '1949-08-24', null,         null),  -- Belgium
    ('NATO', 'CAN', 'MEMBER',    '1949-08-24', null,         null),  -- Canada
    ('NATO', 'DNK', 'MEMBER',    '1949-08-24', null,         null),  -- Denmark
    ('NATO', 'FRA', 'MEMBER',    '1949-08-24', null,         'Withdrew from the integrated military command 1966-2009; remained an Ally.'),  -- France
    ('NATO', 'ISL', 'MEMBER',    '1949-08-24', null,         null),  -- Iceland
    ('NATO', 'ITA', 'MEMBER',    '1949-08-24', null,         null),  -- Italy
    ('NATO', 'LUX', 'MEMBER',    '1949-08-24', null,         null),  -- Luxembourg
    ('NATO', 'NLD', 'MEMBER',    '1949-08-24', null,         null),  -- Netherlands
    ('NATO', 'NOR', 'MEMBER',    '1949-08-24', null,         null),  -- Norway
    ('NATO', 'PRT', 'MEMBER',    '1949-08-24', null,         null),  -- Portugal
    ('NATO', 'GBR', 'MEMBER',    '1949-08-24', null,         null),  -- United Kingdom
    ('NATO', 'USA', 'MEMBER',    '1949-08-24', null,         null),  -- United States
    ('NATO', 'GRC', 'MEMBER',    '1952-02-18', null,         null),  -- Greece
    ('NATO', 'TUR', 'MEMBER',    '1952-02-18', null,         null),  -- Turkiye
    ('NATO', 'DEU', 'MEMBER',    '1955-05-06', null,         'Joined as the Federal Republic of Germany; extended to the former GDR on unification 1990-10-03.'),  -- Germany
    ('NATO', 'ESP', 'MEMBER',    '1982-05-30', null,         null),  -- Spain
    ('NATO', 'CZE', 'MEMBER',    '1999-03-12', null,         null),  -- Czechia
    ('NATO', 'HUN', 'MEMBER',    '1999-03-12', null,         null),  -- Hungary
    ('NATO', 'POL', 'MEMBER',    '1999-03-12', null,         null),  -- Poland
    ('NATO', 'BGR', 'MEMBER',    '2004-03-29', null,         null),  -- Bulgaria
    ('NATO', 'EST', 'MEMBER',    '2004-03-29', null,         null),  -- Estonia
    ('NATO', 'LVA', 'MEMBER',    '2004-03-29', null,         null),  -- Latvia
    ('NATO', 'LTU', 'MEMBER',    '2004-03-29', null,         null),  -- Lithuania
    ('NATO', 'ROU', 'MEMBER',    '2004-03-29', null,         null),  -- Romania
    ('NATO', 'SVK', 'MEMBER',    '2004-03-29', null,         null),  -- Slovakia
    ('NATO', 'SVN', 'MEMBER',    '2004-03-29', null,         null),  -- Slovenia
    ('NATO', 'ALB', 'MEMBER',    '2009-04-01', null,         null),  -- Albania
    ('NATO', 'HRV', 'MEMBER',    '2009-04-01', null,         null),  -- Croatia
    ('NATO', 'MNE', 'MEMBER',    '2017-06-05', null,         null),  -- Montenegro
    ('NATO', 'MKD', 'MEMBER',    '2020-03-27', null,         null),  -- North Macedonia
    ('NATO', 'FIN', 'MEMBER',    '2023-04-04', null,         null),  -- Finland
    ('NATO', 'SWE', 'MEMBER',    '2024-03-07', null,         null);  -- Sweden

-- ===========================================================================================================
-- BRICS: BRICS (bloc)
-- Source: BRICS summit declarations (Yekaterinburg 2009, Sanya 2011, Johannesburg 2023) and the BRICS chair
-- website (brics.br, 2025 presidency)
-- 10 members. Saudi Arabia was invited to join from 2024-01-01 but has not confirmed its membership and is
-- not listed; Argentina declined its invitation (2023). BRICS "partner countries" (from 2025) are not members
-- and are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('BRICS', 'BRICS', 'BLOC',
     'BRICS summit declarations (Yekaterinburg 2009, Sanya 2011, Johannesburg 2023) and the BRICS chair website (brics.br, 2025 presidency)',
     '10 members. Saudi Arabia was invited to join from 2024-01-01 but has not confirmed its membership and is not listed; Argentina declined its invitation (2023). BRICS "partner countries" (from 2025) are not members and are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('BRICS', 'BRA', 'MEMBER',    '2009-06-16', null,         null),  -- Brazil
    ('BRICS', 'RUS', 'MEMBER',    '2009-06-16', null,         null),  -- Russian Federation
    ('BRICS', 'IND', 'MEMBER',    '2009-06-16', null,         null),  -- India
    ('BRICS', 'CHN', 'MEMBER',    '2009-06-16', null,         null),  -- China
    ('BRICS', 'ZAF', 'MEMBER',    '2010-12-24', null,         'Invited/admitted 2010-12-24; first attended a summit at Sanya, 2011-04-14.'),  -- South Africa
    ('BRICS', 'EGY', 'MEMBER',    '2024-01-01', null,         null),  -- Egypt
    ('BRICS', 'ETH', 'MEMBER',    '2024-01-01', null,         null),  -- Ethiopia
    ('BRICS', 'IRN', 'MEMBER',    '2024-01-01', null,         null),  -- Iran
    ('BRICS', 'ARE', 'MEMBER',    '2024-01-01', null,         null),  -- United Arab Emirates
    ('BRICS', 'IDN', 'MEMBER',    '2025-01-06', null,         null);  -- Indonesia

-- ===========================================================================================================
-- G7: Group of Seven (bloc)
-- Source: G7 leaders summit communiques (Rambouillet 1975, San Juan 1976); no charter or secretariat
-- 7 members. The European Union takes part as a "non-enumerated member". Russia took part as the G8 from
-- 1997/1998 until its suspension in March 2014 and is not listed.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('G7', 'Group of Seven', 'BLOC',
     'G7 leaders summit communiques (Rambouillet 1975, San Juan 1976); no charter or secretariat',
     '7 members. The European Union takes part as a "non-enumerated member". Russia took part as the G8 from 1997/1998 until its suspension in March 2014 and is not listed.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('G7', 'FRA', 'MEMBER',    '1975-11-15', null,         null),  -- France
    ('G7', 'DEU', 'MEMBER',    '1975-11-15', null,         'As the Federal Republic of Germany.'),  -- Germany
    ('G7', 'ITA', 'MEMBER',    '1975-11-15', null,         null),  -- Italy
    ('G7', 'JPN', 'MEMBER',    '1975-11-15', null,         null),  -- Japan
    ('G7', 'GBR', 'MEMBER',    '1975-11-15', null,         null),  -- United Kingdom
    ('G7', 'USA', 'MEMBER',    '1975-11-15', null,         null),  -- United States
    ('G7', 'CAN', 'MEMBER',    '1976-06-27', null,         'Joined at the San Juan (Puerto Rico) summit, 1976.');  -- Canada

-- ===========================================================================================================
-- G20: Group of Twenty (bloc)
-- Source: G20, About the G20 (members), g20.org
-- 19 member states. The European Union and (since 2023-09-09) the African Union are also members but are not
-- states and are not listed. joined_on is the inaugural meeting of finance ministers and central bank
-- governors, Berlin, 1999-12-15/16 (creation announced by the G7 finance ministers in September 1999).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('G20', 'Group of Twenty', 'BLOC',
     'G20, About the G20 (members), g20.org',
     '19 member states. The European Union and (since 2023-09-09) the African Union are also members but are not states and are not listed. joined_on is the inaugural meeting of finance ministers and central bank governors, Berlin, 1999-12-15/16 (creation announced by the G7 finance ministers in September 1999).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('G20', 'ARG', 'MEMBER',    '1999-12-15', null,         null),  -- Argentina
    ('G20', 'AUS', 'MEMBER',    '1999-12-15', null,         null),  -- Australia
    ('G20', 'BRA', 'MEMBER',    '1999-12-15', null,         null),  -- Brazil
    ('G20', 'CAN', 'MEMBER',    '1999-12-15', null,         null),  -- Canada
    ('G20', 'CHN', 'MEMBER',    '1999-12-15', null,         null),  -- China
    ('G20', 'FRA', 'MEMBER',    '1999-12-15', null,         null),  -- France
    ('G20', 'DEU', 'MEMBER',    '1999-12-15', null,         null),  -- Germany
    ('G20', 'IND', 'MEMBER',    '1999-12-15', null,         null),  -- India
    ('G20', 'IDN', 'MEMBER',    '1999-12-15', null,         null),  -- Indonesia
    ('G20', 'ITA', 'MEMBER',    '1999-12-15', null,         null),  -- Italy
    ('G20', 'JPN', 'MEMBER',    '1999-12-15', null,         null),  -- Japan
    ('G20', 'KOR', 'MEMBER',    '1999-12-15', null,         null),  -- Republic of Korea
    ('G20', 'MEX', 'MEMBER',    '1999-12-15', null,         null),  -- Mexico
    ('G20', 'RUS', 'MEMBER',    '1999-12-15', null,         null),  -- Russian Federation
    ('G20', 'SAU', 'MEMBER',    '1999-12-15', null,         null),  -- Saudi Arabia
    ('G20', 'ZAF', 'MEMBER',    '1999-12-15', null,         'Excluded by the United States from G20 meetings during the 2026 US presidency (announced December 2025); South Africa maintains it remains a full member.'),  -- South Africa
    ('G20', 'TUR', 'MEMBER',    '1999-12-15', null,         null),  -- Turkiye
    ('G20', 'GBR', 'MEMBER',    '1999-12-15', null,         null),  -- United Kingdom
    ('G20', 'USA', 'MEMBER',    '1999-12-15', null,         null);  -- United States

-- ===========================================================================================================
-- COMMONWEALTH: Commonwealth of Nations (bloc)
-- Source: Commonwealth Secretariat, Member countries, thecommonwealth.org/our-member-countries
-- 56 member countries. The modern Commonwealth dates from the London Declaration of 1949-04-26; joined_on is
-- given only for admissions and rejoinings since 1989, left_on for departures recorded here.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('COMMONWEALTH', 'Commonwealth of Nations', 'BLOC',
     'Commonwealth Secretariat, Member countries, thecommonwealth.org/our-member-countries',
     '56 member countries. The modern Commonwealth dates from the London Declaration of 1949-04-26; joined_on is given only for admissions and rejoinings since 1989, left_on for departures recorded here.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('COMMONWEALTH', 'ATG', 'MEMBER',    null,         null,         null),  -- Antigua and Barbuda
    ('COMMONWEALTH', 'AUS', 'MEMBER',    null,         null,         null),  -- Australia
    ('COMMONWEALTH', 'BHS', 'MEMBER',    null,         null,         null),  -- Bahamas
    ('COMMONWEALTH', 'BGD', 'MEMBER',    null,         null,         null),  -- Bangladesh
    ('COMMONWEALTH', 'BRB', 'MEMBER',    null,         null,         null),  -- Barbados
    ('COMMONWEALTH', 'BLZ', 'MEMBER',    null,         null,         null),  -- Belize
    ('COMMONWEALTH', 'BWA', 'MEMBER',    null,         null,         null),  -- Botswana
    ('COMMONWEALTH', 'BRN', 'MEMBER',    null,         null,         null),  -- Brunei Darussalam
    ('COMMONWEALTH', 'CMR', 'MEMBER',    null,         null,         'Admitted in November 1995 (Auckland CHOGM).'),  -- Cameroon
    ('COMMONWEALTH', 'CAN', 'MEMBER',    null,         null,         null),  -- Canada
    ('COMMONWEALTH', 'CYP', 'MEMBER',    null,         null,         null),  -- Cyprus
    ('COMMONWEALTH', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('COMMONWEALTH', 'FJI', 'MEMBER',    null,         null,         'Suspended from the councils of the Commonwealth 2006 and fully suspended 2009-09-01; fully reinstated 2014-09-26.'),  -- Fiji
    ('COMMONWEALTH', 'GAB', 'MEMBER',    '2022-06-25', null,         'Admitted at the Kigali CHOGM. Partially suspended by CMAG in September 2023 after the coup; suspension lifted 2025-07-15.'),  -- Gabon
    ('COMMONWEALTH', 'GMB', 'MEMBER',    '2018-02-08', null,         'First joined 1965; left 2013-10-03; rejoined 2018-02-08.'),  -- Gambia
    ('COMMONWEALTH', 'GHA', 'MEMBER',    null,         null,         null),  -- Ghana
    ('COMMONWEALTH', 'GRD', 'MEMBER',    null,         null,         null),  -- Grenada
    ('COMMONWEALTH', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('COMMONWEALTH', 'IND', 'MEMBER',    null,         null,         null),  -- India
    ('COMMONWEALTH', 'JAM', 'MEMBER',    null,         null,         null),  -- Jamaica
    ('COMMONWEALTH', 'KEN', 'MEMBER',    null,         null,         null),  -- Kenya
    ('COMMONWEALTH', 'KIR', 'MEMBER',    null,         null,         null),  -- Kiribati
    ('COMMONWEALTH', 'LSO', 'MEMBER',    null,         null,         null),  -- Lesotho
    ('COMMONWEALTH', 'MWI', 'MEMBER',    null,         null,         null),  -- Malawi
    ('COMMONWEALTH', 'MYS', 'MEMBER',    null,         null,         null),  -- Malaysia
    ('COMMONWEALTH', 'MDV', 'MEMBER',    '2020-02-01', null,         'First joined 1982; left 2016-10-13; rejoined 2020-02-01.'),  -- Maldives
    ('COMMONWEALTH', 'MLT', 'MEMBER',    null,         null,         null),  -- Malta
    ('COMMONWEALTH', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('COMMONWEALTH', 'MOZ', 'MEMBER',    null,         null,         'Admitted in November 1995 (Auckland CHOGM); first member with no constitutional link to the UK.'),  -- Mozambique
    ('COMMONWEALTH', 'NAM', 'MEMBER',    null,         null,         null),  -- Namibia
    ('COMMONWEALTH', 'NRU', 'MEMBER',    null,         null,         'Special member from 1968; full member since 1999.'),  -- Nauru
    ('COMMONWEALTH', 'NZL', 'MEMBER',    null,         null,         null),  -- New Zealand
    ('COMMONWEALTH', 'NGA', 'MEMBER',    null,         null,         null),  -- Nigeria
    ('COMMONWEALTH', 'PAK', 'MEMBER',    '1989-10-01', null,         'Left 1972-01-30 over recognition of Bangladesh; rejoined 1989-10-01.'),  -- Pakistan
    ('COMMONWEALTH', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('COMMONWEALTH', 'RWA', 'MEMBER',    '2009-11-29', null,         'Admitted at the Port of Spain CHOGM.'),  -- Rwanda
    ('COMMONWEALTH', 'KNA', 'MEMBER',    null,         null,         null),  -- Saint Kitts and Nevis
    ('COMMONWEALTH', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('COMMONWEALTH', 'VCT', 'MEMBER',    null,         null,         null),  -- Saint Vincent and the Grenadines
    ('COMMONWEALTH', 'WSM', 'MEMBER',    null,         null,         null),  -- Samoa
    ('COMMONWEALTH', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('COMMONWEALTH', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('COMMONWEALTH', 'SGP', 'MEMBER',    null,         null,         null),  -- Singapore
    ('COMMONWEALTH', 'SLB', 'MEMBER',    null,         null,         null),  -- Solomon Islands
    ('COMMONWEALTH', 'ZAF', 'MEMBER',    '1994-06-01', null,         'Left 1961-05-31 on becoming a republic under apartheid; rejoined 1994-06-01.'),  -- South Africa
    ('COMMONWEALTH', 'LKA', 'MEMBER',    null,         null,         null),  -- Sri Lanka
    ('COMMONWEALTH', 'SWZ', 'MEMBER',    null,         null,         null),  -- Eswatini
    ('COMMONWEALTH', 'TZA', 'MEMBER',    null,         null,         null),  -- United Republic of Tanzania
    ('COMMONWEALTH', 'TGO', 'MEMBER',    '2022-06-25', null,         'Admitted at the Kigali CHOGM.'),  -- Togo
    ('COMMONWEALTH', 'TON', 'MEMBER',    null,         null,         null),  -- Tonga
    ('COMMONWEALTH', 'TTO', 'MEMBER',    null,         null,         null),  -- Trinidad and Tobago
    ('COMMONWEALTH', 'TUV', 'MEMBER',    null,         null,         'Special member from 1978; full member since 2000.'),  -- Tuvalu
    ('COMMONWEALTH', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('COMMONWEALTH', 'GBR', 'MEMBER',    null,         null,         null),  -- United Kingdom
    ('COMMONWEALTH', 'VUT', 'MEMBER',    null,         null,         null),  -- Vanuatu
    ('COMMONWEALTH', 'ZMB', 'MEMBER',    null,         null,         null),  -- Zambia
    ('COMMONWEALTH', 'ZWE', 'MEMBER',    '1980-04-18', '2003-12-07', 'Joined at independence; suspended 2002; withdrew 2003-12-07. Has applied to rejoin.');  -- Zimbabwe

-- ===========================================================================================================
-- GCC: Gulf Cooperation Council (bloc)
-- Source: Gulf Cooperation Council Secretariat General, member states, gcc-sg.org
-- 6 member states; founded 1981-05-25 (Abu Dhabi).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('GCC', 'Gulf Cooperation Council', 'BLOC',
     'Gulf Cooperation Council Secretariat General, member states, gcc-sg.org',
     '6 member states; founded 1981-05-25 (Abu Dhabi).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('GCC', 'ARE', 'MEMBER',    '1981-05-25', null,         null),  -- United Arab Emirates
    ('GCC', 'BHR', 'MEMBER',    '1981-05-25', null,         null),  -- Bahrain
    ('GCC', 'SAU', 'MEMBER',    '1981-05-25', null,         null),  -- Saudi Arabia
    ('GCC', 'OMN', 'MEMBER',    '1981-05-25', null,         null),  -- Oman
    ('GCC', 'QAT', 'MEMBER',    '1981-05-25', null,         'Saudi Arabia, the UAE and Bahrain cut relations with Qatar 2017-06-05 until the Al-Ula declaration of 2021-01-05; membership was not affected.'),  -- Qatar
    ('GCC', 'KWT', 'MEMBER',    '1981-05-25', null,         null);  -- Kuwait

-- ===========================================================================================================
-- ECOWAS: Economic Community of West African States (bloc)
-- Source: ECOWAS Commission, Member States, ecowas.int
-- 12 member states since Burkina Faso, Mali and Niger left on 2025-01-29 (they formed the
-- Alliance/Confederation of Sahel States). Founded by the Treaty of Lagos, 1975-05-28.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('ECOWAS', 'Economic Community of West African States', 'BLOC',
     'ECOWAS Commission, Member States, ecowas.int',
     '12 member states since Burkina Faso, Mali and Niger left on 2025-01-29 (they formed the Alliance/Confederation of Sahel States). Founded by the Treaty of Lagos, 1975-05-28.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('ECOWAS', 'BEN', 'MEMBER',    '1975-05-28', null,         'Founding member as Dahomey.'),  -- Benin
    ('ECOWAS', 'BFA', 'MEMBER',    '1975-05-28', '2025-01-29', 'Founding member as Upper Volta; withdrawal effective 2025-01-29.'),  -- Burkina Faso
    ('ECOWAS', 'CPV', 'MEMBER',    null,         null,         'Joined in 1977.'),  -- Cabo Verde
    ('ECOWAS', 'CIV', 'MEMBER',    '1975-05-28', null,         null),  -- Cote d'Ivoire
    ('ECOWAS', 'GMB', 'MEMBER',    '1975-05-28', null,         null),  -- Gambia
    ('ECOWAS', 'GHA', 'MEMBER',    '1975-05-28', null,         null),  -- Ghana
    ('ECOWAS', 'GIN', 'MEMBER',    '1975-05-28', null,         'Suspended from ECOWAS decision-making bodies 2021-09-08; fully reinstated 2026-01-28.'),  -- Guinea
    ('ECOWAS', 'GNB', 'MEMBER',    '1975-05-28', null,         'Suspended from ECOWAS decision-making bodies on 2025-11-27 after the coup of 2025-11-26.'),  -- Guinea-Bissau
    ('ECOWAS', 'LBR', 'MEMBER',    '1975-05-28', null,         null),  -- Liberia
    ('ECOWAS', 'MLI', 'MEMBER',    '1975-05-28', '2025-01-29', 'Withdrawal effective 2025-01-29.'),  -- Mali
    ('ECOWAS', 'MRT', 'MEMBER',    '1975-05-28', '2000-12-26', 'Gave one year notice of withdrawal in December 1999; membership lapsed 2000-12-26. Signed an association agreement with ECOWAS in 2017.'),  -- Mauritania
    ('ECOWAS', 'NER', 'MEMBER',    '1975-05-28', '2025-01-29', 'Withdrawal effective 2025-01-29.'),  -- Niger
    ('ECOWAS', 'NGA', 'MEMBER',    '1975-05-28', null,         null),  -- Nigeria
    ('ECOWAS', 'SEN', 'MEMBER',    '1975-05-28', null,         null),  -- Senegal
    ('ECOWAS', 'SLE', 'MEMBER',    '1975-05-28', null,         null),  -- Sierra Leone
    ('ECOWAS', 'TGO', 'MEMBER',    '1975-05-28', null,         null);  -- Togo

-- ===========================================================================================================
-- SADC: Southern African Development Community (bloc)
-- Source: SADC Secretariat, Member States, sadc.int/member-states
-- 16 member states. The SADC Treaty was signed in Windhoek on 1992-08-17 (SADC succeeded SADCC, founded
-- 1980-04-01); joined_on 1992-08-17 for the ten signatories.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('SADC', 'Southern African Development Community', 'BLOC',
     'SADC Secretariat, Member States, sadc.int/member-states',
     '16 member states. The SADC Treaty was signed in Windhoek on 1992-08-17 (SADC succeeded SADCC, founded 1980-04-01); joined_on 1992-08-17 for the ten signatories.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('SADC', 'AGO', 'MEMBER',    '1992-08-17', null,         null),  -- Angola
    ('SADC', 'BWA', 'MEMBER',    '1992-08-17', null,         null),  -- Botswana
    ('SADC', 'COM', 'MEMBER',    null,         null,         'Admitted at the 37th SADC Summit, Pretoria, August 2017.'),  -- Comoros
    ('SADC', 'COD', 'MEMBER',    '1997-09-08', null,         null),  -- Democratic Republic of the Congo
    ('SADC', 'SWZ', 'MEMBER',    '1992-08-17', null,         null),  -- Eswatini
    ('SADC', 'LSO', 'MEMBER',    '1992-08-17', null,         null),  -- Lesotho
    ('SADC', 'MDG', 'MEMBER',    '2005-08-18', null,         'Suspended 2009 after the unconstitutional change of government; reinstated 2014-01-30.'),  -- Madagascar
    ('SADC', 'MWI', 'MEMBER',    '1992-08-17', null,         null),  -- Malawi
    ('SADC', 'MUS', 'MEMBER',    '1995-08-28', null,         null),  -- Mauritius
    ('SADC', 'MOZ', 'MEMBER',    '1992-08-17', null,         null),  -- Mozambique
    ('SADC', 'NAM', 'MEMBER',    '1992-08-17', null,         null),  -- Namibia
    ('SADC', 'SYC', 'MEMBER',    null,         null,         'First admitted 1997-09-08; withdrew in 2004 and rejoined in 2008.'),  -- Seychelles
    ('SADC', 'ZAF', 'MEMBER',    '1994-08-29', null,         null),  -- South Africa
    ('SADC', 'TZA', 'MEMBER',    '1992-08-17', null,         null),  -- United Republic of Tanzania
    ('SADC', 'ZMB', 'MEMBER',    '1992-08-17', null,         null),  -- Zambia
    ('SADC', 'ZWE', 'MEMBER',    '1992-08-17', null,         null);  -- Zimbabwe

-- ===========================================================================================================
-- MERCOSUR: Southern Common Market (MERCOSUR) (bloc)
-- Source: MERCOSUR, Paises del MERCOSUR, mercosur.int
-- Full members only (6, of which Venezuela is suspended). Founded by the Treaty of Asuncion, 1991-03-26.
-- Associated states (Chile, Colombia, Ecuador, Guyana, Panama, Peru, Suriname) are omitted.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('MERCOSUR', 'Southern Common Market (MERCOSUR)', 'BLOC',
     'MERCOSUR, Paises del MERCOSUR, mercosur.int',
     'Full members only (6, of which Venezuela is suspended). Founded by the Treaty of Asuncion, 1991-03-26. Associated states (Chile, Colombia, Ecuador, Guyana, Panama, Peru, Suriname) are omitted.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('MERCOSUR', 'ARG', 'MEMBER',    '1991-03-26', null,         null),  -- Argentina
    ('MERCOSUR', 'BRA', 'MEMBER',    '1991-03-26', null,         null),  -- Brazil
    ('MERCOSUR', 'PRY', 'MEMBER',    '1991-03-26', null,         'Suspended 2012-06-29 after the removal of President Lugo; reinstated 2013-08-15.'),  -- Paraguay
    ('MERCOSUR', 'URY', 'MEMBER',    '1991-03-26', null,         null),  -- Uruguay
    ('MERCOSUR', 'VEN', 'MEMBER',    '2012-07-31', null,         'Suspended since 2016-12-01 for non-compliance with its accession obligations; suspended indefinitely under the Ushuaia Protocol (democratic clause) on 2017-08-05.'),  -- Venezuela
    ('MERCOSUR', 'BOL', 'MEMBER',    '2024-07-08', null,         'Full member with the entry into force of its Protocol of Accession; has a transition period to adopt the common acquis.');  -- Bolivia

-- ===========================================================================================================
-- CELAC: Community of Latin American and Caribbean States (bloc)
-- Source: CELAC, Declaration of Caracas of 2011-12-03 (33 founding states)
-- 33 member states (the same states as GRULAC); all founding members at the Caracas summit, 2011-12-03.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('CELAC', 'Community of Latin American and Caribbean States', 'BLOC',
     'CELAC, Declaration of Caracas of 2011-12-03 (33 founding states)',
     '33 member states (the same states as GRULAC); all founding members at the Caracas summit, 2011-12-03.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('CELAC', 'ATG', 'MEMBER',    '2011-12-03', null,         null),  -- Antigua and Barbuda
    ('CELAC', 'ARG', 'MEMBER',    '2011-12-03', null,         null),  -- Argentina
    ('CELAC', 'BHS', 'MEMBER',    '2011-12-03', null,         null),  -- Bahamas
    ('CELAC', 'BRB', 'MEMBER',    '2011-12-03', null,         null),  -- Barbados
    ('CELAC', 'BLZ', 'MEMBER',    '2011-12-03', null,         null),  -- Belize
    ('CELAC', 'BOL', 'MEMBER',    '2011-12-03', null,         null),  -- Bolivia
    ('CELAC', 'BRA', 'MEMBER',    '2011-12-03', null,         'Suspended its participation 2020-01-16; resumed in January 2023.'),  -- Brazil
    ('CELAC', 'CHL', 'MEMBER',    '2011-12-03', null,         null),  -- Chile
    ('CELAC', 'COL', 'MEMBER',    '2011-12-03', null,         null),  -- Colombia
    ('CELAC', 'CRI', 'MEMBER',    '2011-12-03', null,         null),  -- Costa Rica
    ('CELAC', 'CUB', 'MEMBER',    '2011-12-03', null,         null),  -- Cuba
    ('CELAC', 'DMA', 'MEMBER',    '2011-12-03', null,         null),  -- Dominica
    ('CELAC', 'DOM', 'MEMBER',    '2011-12-03', null,         null),  -- Dominican Republic
    ('CELAC', 'ECU', 'MEMBER',    '2011-12-03', null,         null),  -- Ecuador
    ('CELAC', 'SLV', 'MEMBER',    '2011-12-03', null,         null),  -- El Salvador
    ('CELAC', 'GRD', 'MEMBER',    '2011-12-03', null,         null),  -- Grenada
    ('CELAC', 'GTM', 'MEMBER',    '2011-12-03', null,         null),  -- Guatemala
    ('CELAC', 'GUY', 'MEMBER',    '2011-12-03', null,         null),  -- Guyana
    ('CELAC', 'HTI', 'MEMBER',    '2011-12-03', null,         null),  -- Haiti
    ('CELAC', 'HND', 'MEMBER',    '2011-12-03', null,         null),  -- Honduras
    ('CELAC', 'JAM', 'MEMBER',    '2011-12-03', null,         null),  -- Jamaica
    ('CELAC', 'MEX', 'MEMBER',    '2011-12-03', null,         null),  -- Mexico
    ('CELAC', 'NIC', 'MEMBER',    '2011-12-03', null,         null),  -- Nicaragua
    ('CELAC', 'PAN', 'MEMBER',    '2011-12-03', null,         null),  -- Panama
    ('CELAC', 'PRY', 'MEMBER',    '2011-12-03', null,         null),  -- Paraguay
    ('CELAC', 'PER', 'MEMBER',    '2011-12-03', null,         null),  -- Peru
    ('CELAC', 'KNA', 'MEMBER',    '2011-12-03', null,         null),  -- Saint Kitts and Nevis
    ('CELAC', 'LCA', 'MEMBER',    '2011-12-03', null,         null),  -- Saint Lucia
    ('CELAC', 'VCT', 'MEMBER',    '2011-12-03', null,         null),  -- Saint Vincent and the Grenadines
    ('CELAC', 'SUR', 'MEMBER',    '2011-12-03', null,         null),  -- Suriname
    ('CELAC', 'TTO', 'MEMBER',    '2011-12-03', null,         null),  -- Trinidad and Tobago
    ('CELAC', 'URY', 'MEMBER',    '2011-12-03', null,         null),  -- Uruguay
    ('CELAC', 'VEN', 'MEMBER',    '2011-12-03', null,         null);  -- Venezuela

-- ===========================================================================================================
-- AOSIS: Alliance of Small Island States (bloc)
-- Source: Alliance of Small Island States, Member States, aosis.org/about/member-states
-- 39 members: 37 UN Member States plus Cook Islands and Niue. Formed in 1990; accession dates are not
-- recorded. The observers (non-self-governing territories such as American Samoa, Guam and the U.S. Virgin
-- Islands) are omitted as they are not in the register.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('AOSIS', 'Alliance of Small Island States', 'BLOC',
     'Alliance of Small Island States, Member States, aosis.org/about/member-states',
     '39 members: 37 UN Member States plus Cook Islands and Niue. Formed in 1990; accession dates are not recorded. The observers (non-self-governing territories such as American Samoa, Guam and the U.S. Virgin Islands) are omitted as they are not in the register.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('AOSIS', 'ATG', 'MEMBER',    null,         null,         null),  -- Antigua and Barbuda
    ('AOSIS', 'BHS', 'MEMBER',    null,         null,         null),  -- Bahamas
    ('AOSIS', 'BRB', 'MEMBER',    null,         null,         null),  -- Barbados
    ('AOSIS', 'BLZ', 'MEMBER',    null,         null,         null),  -- Belize
    ('AOSIS', 'CPV', 'MEMBER',    null,         null,         null),  -- Cabo Verde
    ('AOSIS', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('AOSIS', 'COK', 'MEMBER',    null,         null,         'Full AOSIS member; not a UN member (self-governing in free association with New Zealand).'),  -- Cook Islands
    ('AOSIS', 'CUB', 'MEMBER',    null,         null,         null),  -- Cuba
    ('AOSIS', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('AOSIS', 'DOM', 'MEMBER',    null,         null,         null),  -- Dominican Republic
    ('AOSIS', 'FJI', 'MEMBER',    null,         null,         null),  -- Fiji
    ('AOSIS', 'FSM', 'MEMBER',    null,         null,         null),  -- Micronesia (Federated States of)
    ('AOSIS', 'GRD', 'MEMBER',    null,         null,         null),  -- Grenada
    ('AOSIS', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('AOSIS', 'GUY', 'MEMBER',    null,         null,         null),  -- Guyana
    ('AOSIS', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('AOSIS', 'JAM', 'MEMBER',    null,         null,         null),  -- Jamaica
    ('AOSIS', 'KIR', 'MEMBER',    null,         null,         null),  -- Kiribati
    ('AOSIS', 'MDV', 'MEMBER',    null,         null,         null),  -- Maldives
    ('AOSIS', 'MHL', 'MEMBER',    null,         null,         null),  -- Marshall Islands
    ('AOSIS', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('AOSIS', 'NRU', 'MEMBER',    null,         null,         null),  -- Nauru
    ('AOSIS', 'NIU', 'MEMBER',    null,         null,         'Full AOSIS member; not a UN member (self-governing in free association with New Zealand).'),  -- Niue
    ('AOSIS', 'PLW', 'MEMBER',    null,         null,         null),  -- Palau
    ('AOSIS', 'PNG', 'MEMBER',    null,         null,         null),  -- Papua New Guinea
    ('AOSIS', 'WSM', 'MEMBER',    null,         null,         null),  -- Samoa
    ('AOSIS', 'SGP', 'MEMBER',    null,         null,         null),  -- Singapore
    ('AOSIS', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('AOSIS', 'STP', 'MEMBER',    null,         null,         null),  -- Sao Tome and Principe
    ('AOSIS', 'SLB', 'MEMBER',    null,         null,         null),  -- Solomon Islands
    ('AOSIS', 'KNA', 'MEMBER',    null,         null,         null),  -- Saint Kitts and Nevis
    ('AOSIS', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('AOSIS', 'VCT', 'MEMBER',    null,         null,         null),  -- Saint Vincent and the Grenadines
    ('AOSIS', 'SUR', 'MEMBER',    null,         null,         null),  -- Suriname
    ('AOSIS', 'TLS', 'MEMBER',    null,         null,         null),  -- Timor-Leste
    ('AOSIS', 'TON', 'MEMBER',    null,         null,         null),  -- Tonga
    ('AOSIS', 'TTO', 'MEMBER',    null,         null,         null),  -- Trinidad and Tobago
    ('AOSIS', 'TUV', 'MEMBER',    null,         null,         null),  -- Tuvalu
    ('AOSIS', 'VUT', 'MEMBER',    null,         null,         null);  -- Vanuatu

-- ===========================================================================================================
-- LDC: Least Developed Countries (bloc)
-- Source: UN DESA / Committee for Development Policy, List of Least Developed Countries,
-- un.org/development/desa/dpad/least-developed-country-category.html; UN-OHRLLS
-- UN category, not an organisation: 44 countries on the list as of January 2025 (32 Africa, 8 Asia, 3
-- Pacific, 1 Caribbean). Category created by A/RES/2768 (XXVI) of 1971-11-18; inclusion dates are not
-- recorded. Graduated countries have left_on = graduation date. Bangladesh, Lao PDR and Nepal were due to
-- graduate on 2026-11-24 and are still listed as members pending confirmation (see their rows).
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('LDC', 'Least Developed Countries', 'BLOC',
     'UN DESA / Committee for Development Policy, List of Least Developed Countries, un.org/development/desa/dpad/least-developed-country-category.html; UN-OHRLLS',
     'UN category, not an organisation: 44 countries on the list as of January 2025 (32 Africa, 8 Asia, 3 Pacific, 1 Caribbean). Category created by A/RES/2768 (XXVI) of 1971-11-18; inclusion dates are not recorded. Graduated countries have left_on = graduation date. Bangladesh, Lao PDR and Nepal were due to graduate on 2026-11-24 and are still listed as members pending confirmation (see their rows).');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('LDC', 'AGO', 'MEMBER',    null,         null,         null),  -- Angola
    ('LDC', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('LDC', 'BFA', 'MEMBER',    null,         null,         null),  -- Burkina Faso
    ('LDC', 'BDI', 'MEMBER',    null,         null,         null),  -- Burundi
    ('LDC', 'CAF', 'MEMBER',    null,         null,         null),  -- Central African Republic
    ('LDC', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('LDC', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('LDC', 'COD', 'MEMBER',    null,         null,         null),  -- Democratic Republic of the Congo
    ('LDC', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('LDC', 'ERI', 'MEMBER',    null,         null,         null),  -- Eritrea
    ('LDC', 'ETH', 'MEMBER',    null,         null,         null),  -- Ethiopia
    ('LDC', 'GMB', 'MEMBER',    null,         null,         null),  -- Gambia
    ('LDC', 'GIN', 'MEMBER',    null,         null,         null),  -- Guinea
    ('LDC', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('LDC', 'LSO', 'MEMBER',    null,         null,         null),  -- Lesotho
    ('LDC', 'LBR', 'MEMBER',    null,         null,         null),  -- Liberia
    ('LDC', 'MDG', 'MEMBER',    null,         null,         null),  -- Madagascar
    ('LDC', 'MWI', 'MEMBER',    null,         null,         null),  -- Malawi
    ('LDC', 'MLI', 'MEMBER',    null,         null,         null),  -- Mali
    ('LDC', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('LDC', 'MOZ', 'MEMBER',    null,         null,         null),  -- Mozambique
    ('LDC', 'NER', 'MEMBER',    null,         null,         null),  -- Niger
    ('LDC', 'RWA', 'MEMBER',    null,         null,         null),  -- Rwanda
    ('LDC', 'SEN', 'MEMBER',    null,         null,         'Recommended for graduation at the 2024 triennial review; graduation expected in 2029.'),  -- Senegal
    ('LDC', 'SLE', 'MEMBER',    null,         null,         null),  -- Sierra Leone
    ('LDC', 'SOM', 'MEMBER',    null,         null,         null),  -- Somalia
    ('LDC', 'SSD', 'MEMBER',    null,         null,         null),  -- South Sudan
    ('LDC', 'SDN', 'MEMBER',    null,         null,         null),  -- Sudan
    ('LDC', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('LDC', 'UGA', 'MEMBER',    null,         null,         null),  -- Uganda
    ('LDC', 'TZA', 'MEMBER',    null,         null,         null),  -- United Republic of Tanzania
    ('LDC', 'ZMB', 'MEMBER',    null,         null,         null),  -- Zambia
    ('LDC', 'AFG', 'MEMBER',    null,         null,         null),  -- Afghanistan
    ('LDC', 'BGD', 'MEMBER',    null,         null,         'Graduation was scheduled for 2026-11-24 (A/RES/76/8). Bangladesh asked in February 2026 to extend the preparatory period to 2029-11-24 and the CDP supported this in June 2026; the General Assembly decision is not verified here. Re-check status.'),  -- Bangladesh
    ('LDC', 'KHM', 'MEMBER',    null,         null,         'Recommended for graduation at the 2024 triennial review; graduation expected in 2029.'),  -- Cambodia
    ('LDC', 'LAO', 'MEMBER',    null,         null,         'Graduation scheduled for 2026-11-24 (A/RES/76/8); whether it took effect on that date is not verified here. Re-check status.'),  -- Lao PDR
    ('LDC', 'MMR', 'MEMBER',    null,         null,         null),  -- Myanmar
    ('LDC', 'NPL', 'MEMBER',    null,         null,         'Graduation scheduled for 2026-11-24 (A/RES/76/8); Nepal sought a deferral in late 2025/2026; outcome not verified here. Re-check status.'),  -- Nepal
    ('LDC', 'TLS', 'MEMBER',    null,         null,         null),  -- Timor-Leste
    ('LDC', 'YEM', 'MEMBER',    null,         null,         null),  -- Yemen
    ('LDC', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('LDC', 'KIR', 'MEMBER',    null,         null,         null),  -- Kiribati
    ('LDC', 'SLB', 'MEMBER',    null,         null,         'Graduation was due 2024-12-13, but on 2023-08-25 the General Assembly granted a three-year extension of the preparatory period (graduation now expected in December 2027).'),  -- Solomon Islands
    ('LDC', 'TUV', 'MEMBER',    null,         null,         null),  -- Tuvalu
    ('LDC', 'BWA', 'MEMBER',    null,         '1994-12-20', null),  -- Botswana
    ('LDC', 'CPV', 'MEMBER',    null,         '2007-12-20', null),  -- Cabo Verde
    ('LDC', 'MDV', 'MEMBER',    null,         '2011-01-01', null),  -- Maldives
    ('LDC', 'WSM', 'MEMBER',    null,         '2014-01-01', null),  -- Samoa
    ('LDC', 'GNQ', 'MEMBER',    null,         '2017-06-04', null),  -- Equatorial Guinea
    ('LDC', 'VUT', 'MEMBER',    null,         '2020-12-04', null),  -- Vanuatu
    ('LDC', 'BTN', 'MEMBER',    null,         '2023-12-13', null),  -- Bhutan
    ('LDC', 'STP', 'MEMBER',    null,         '2024-12-13', null);  -- Sao Tome and Principe

-- ===========================================================================================================
-- NORDIC: Nordic countries (Nordic Council) (bloc)
-- Source: Nordic Council and Nordic Council of Ministers, norden.org
-- The five Nordic states. The autonomous territories (Faroe Islands, Greenland, Aland) are also represented
-- in the Nordic Council but are not states and are omitted. Nordic Council founded 1952 (Finland joined
-- 1955); dates not recorded.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('NORDIC', 'Nordic countries (Nordic Council)', 'BLOC',
     'Nordic Council and Nordic Council of Ministers, norden.org',
     'The five Nordic states. The autonomous territories (Faroe Islands, Greenland, Aland) are also represented in the Nordic Council but are not states and are omitted. Nordic Council founded 1952 (Finland joined 1955); dates not recorded.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('NORDIC', 'DNK', 'MEMBER',    null,         null,         null),  -- Denmark
    ('NORDIC', 'FIN', 'MEMBER',    null,         null,         null),  -- Finland
    ('NORDIC', 'ISL', 'MEMBER',    null,         null,         null),  -- Iceland
    ('NORDIC', 'NOR', 'MEMBER',    null,         null,         null),  -- Norway
    ('NORDIC', 'SWE', 'MEMBER',    null,         null,         null);  -- Sweden

-- ===========================================================================================================
-- FRANCOPHONIE: Organisation internationale de la Francophonie (bloc)
-- Source: Organisation internationale de la Francophonie, Etats et gouvernements, francophonie.org/93-etats-
-- et-gouvernements
-- Full members that are states (50). After the October 2024 summit the OIF had 56 full members (53 states
-- plus the Federation Wallonie-Bruxelles, Quebec and New Brunswick), 5 associate members and 32 observers;
-- Mali, Burkina Faso and Niger announced their withdrawal in March 2025 (effective six months later) and are
-- omitted. The non-state members, associate members and observers are omitted. Decisions of the XXth Summit
-- (Siem Reap, November 2026) are not reflected. Accession dates are not recorded.
-- ===========================================================================================================
insert into states_grouping (code, name, kind, source, note) values
    ('FRANCOPHONIE', 'Organisation internationale de la Francophonie', 'BLOC',
     'Organisation internationale de la Francophonie, Etats et gouvernements, francophonie.org/93-etats-et-gouvernements',
     'Full members that are states (50). After the October 2024 summit the OIF had 56 full members (53 states plus the Federation Wallonie-Bruxelles, Quebec and New Brunswick), 5 associate members and 32 observers; Mali, Burkina Faso and Niger announced their withdrawal in March 2025 (effective six months later) and are omitted. The non-state members, associate members and observers are omitted. Decisions of the XXth Summit (Siem Reap, November 2026) are not reflected. Accession dates are not recorded.');

insert into states_grouping_member (grouping_code, iso3, role, joined_on, left_on, note) values
    ('FRANCOPHONIE', 'ALB', 'MEMBER',    null,         null,         null),  -- Albania
    ('FRANCOPHONIE', 'AND', 'MEMBER',    null,         null,         null),  -- Andorra
    ('FRANCOPHONIE', 'ARM', 'MEMBER',    null,         null,         null),  -- Armenia
    ('FRANCOPHONIE', 'BEL', 'MEMBER',    null,         null,         null),  -- Belgium
    ('FRANCOPHONIE', 'BEN', 'MEMBER',    null,         null,         null),  -- Benin
    ('FRANCOPHONIE', 'BGR', 'MEMBER',    null,         null,         null),  -- Bulgaria
    ('FRANCOPHONIE', 'BDI', 'MEMBER',    null,         null,         null),  -- Burundi
    ('FRANCOPHONIE', 'CPV', 'MEMBER',    null,         null,         null),  -- Cabo Verde
    ('FRANCOPHONIE', 'KHM', 'MEMBER',    null,         null,         null),  -- Cambodia
    ('FRANCOPHONIE', 'CMR', 'MEMBER',    null,         null,         null),  -- Cameroon
    ('FRANCOPHONIE', 'CAN', 'MEMBER',    null,         null,         null),  -- Canada
    ('FRANCOPHONIE', 'CAF', 'MEMBER',    null,         null,         null),  -- Central African Republic
    ('FRANCOPHONIE', 'TCD', 'MEMBER',    null,         null,         null),  -- Chad
    ('FRANCOPHONIE', 'COM', 'MEMBER',    null,         null,         null),  -- Comoros
    ('FRANCOPHONIE', 'COG', 'MEMBER',    null,         null,         null),  -- Congo
    ('FRANCOPHONIE', 'COD', 'MEMBER',    null,         null,         null),  -- Democratic Republic of the Congo
    ('FRANCOPHONIE', 'CIV', 'MEMBER',    null,         null,         null),  -- Cote d'Ivoire
    ('FRANCOPHONIE', 'CYP', 'MEMBER',    null,         null,         'Associate member from 2006; full member since the Villers-Cotterets/Paris summit of October 2024.'),  -- Cyprus
    ('FRANCOPHONIE', 'DJI', 'MEMBER',    null,         null,         null),  -- Djibouti
    ('FRANCOPHONIE', 'DMA', 'MEMBER',    null,         null,         null),  -- Dominica
    ('FRANCOPHONIE', 'EGY', 'MEMBER',    null,         null,         null),  -- Egypt
    ('FRANCOPHONIE', 'GNQ', 'MEMBER',    null,         null,         null),  -- Equatorial Guinea
    ('FRANCOPHONIE', 'FRA', 'MEMBER',    null,         null,         null),  -- France
    ('FRANCOPHONIE', 'GAB', 'MEMBER',    null,         null,         null),  -- Gabon
    ('FRANCOPHONIE', 'GHA', 'MEMBER',    null,         null,         'Associate member from 2006; full member since the Villers-Cotterets/Paris summit of October 2024.'),  -- Ghana
    ('FRANCOPHONIE', 'GRC', 'MEMBER',    null,         null,         null),  -- Greece
    ('FRANCOPHONIE', 'GIN', 'MEMBER',    null,         null,         'Suspended by the OIF after the 2021 coup; suspension lifted by the Permanent Council 2024-09-24.'),  -- Guinea
    ('FRANCOPHONIE', 'GNB', 'MEMBER',    null,         null,         null),  -- Guinea-Bissau
    ('FRANCOPHONIE', 'HTI', 'MEMBER',    null,         null,         null),  -- Haiti
    ('FRANCOPHONIE', 'LAO', 'MEMBER',    null,         null,         null),  -- Lao PDR
    ('FRANCOPHONIE', 'LBN', 'MEMBER',    null,         null,         null),  -- Lebanon
    ('FRANCOPHONIE', 'LUX', 'MEMBER',    null,         null,         null),  -- Luxembourg
    ('FRANCOPHONIE', 'MDG', 'MEMBER',    null,         null,         null),  -- Madagascar
    ('FRANCOPHONIE', 'MRT', 'MEMBER',    null,         null,         null),  -- Mauritania
    ('FRANCOPHONIE', 'MUS', 'MEMBER',    null,         null,         null),  -- Mauritius
    ('FRANCOPHONIE', 'MDA', 'MEMBER',    null,         null,         null),  -- Republic of Moldova
    ('FRANCOPHONIE', 'MCO', 'MEMBER',    null,         null,         null),  -- Monaco
    ('FRANCOPHONIE', 'MAR', 'MEMBER',    null,         null,         null),  -- Morocco
    ('FRANCOPHONIE', 'MKD', 'MEMBER',    null,         null,         null),  -- North Macedonia
    ('FRANCOPHONIE', 'ROU', 'MEMBER',    null,         null,         null),  -- Romania
    ('FRANCOPHONIE', 'RWA', 'MEMBER',    null,         null,         null),  -- Rwanda
    ('FRANCOPHONIE', 'LCA', 'MEMBER',    null,         null,         null),  -- Saint Lucia
    ('FRANCOPHONIE', 'STP', 'MEMBER',    null,         null,         null),  -- Sao Tome and Principe
    ('FRANCOPHONIE', 'SEN', 'MEMBER',    null,         null,         null),  -- Senegal
    ('FRANCOPHONIE', 'SYC', 'MEMBER',    null,         null,         null),  -- Seychelles
    ('FRANCOPHONIE', 'CHE', 'MEMBER',    null,         null,         null),  -- Switzerland
    ('FRANCOPHONIE', 'TGO', 'MEMBER',    null,         null,         null),  -- Togo
    ('FRANCOPHONIE', 'TUN', 'MEMBER',    null,         null,         null),  -- Tunisia
    ('FRANCOPHONIE', 'VUT', 'MEMBER',    null,         null,         null),  -- Vanuatu
    ('FRANCOPHONIE', 'VNM', 'MEMBER',    null,         null,         null);  -- Viet Nam
