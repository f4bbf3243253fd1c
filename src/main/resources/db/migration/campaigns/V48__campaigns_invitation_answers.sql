-- Invitations answered in place and in bulk (issue 19): an answer is written on top of the
-- version of the invitation that the whip saw, so that two whips answering the same state's
-- invitation never overwrite each other silently, and who answered last, and when, is shown
-- beside the answer. Existing invitations start at version 0, with no answerer known.
alter table campaigns_invitation
    add column version     integer not null default 0,
    add column answered_by text,
    add column answered_at timestamptz;
