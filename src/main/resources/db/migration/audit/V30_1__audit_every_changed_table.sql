-- Under the audit trail (V14), the tables people change that had no trigger: the talking
-- points written for the call sheets, and the states of the reckoning (its snapshot and the
-- votes cast, which a coordinator records and may record again). Tables left without one are
-- listed, with why, in AuditCoverageTests.
select audit_table('reports_talking_point', 'id');
select audit_table('reports_reckoning_state', 'campaign_id,iso3');
