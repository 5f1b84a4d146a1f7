-- Version 10, as SQLite's schema_v10.sql: the escalated complaints, for the statistics.

CREATE INDEX complaints_escalated ON complaints (submitted_at, institution_id, category_id,
    municipality_id) WHERE escalated_at IS NOT NULL;
