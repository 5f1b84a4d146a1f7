-- Zëri schema, version 10: the statistics count escalations. Few complaints escalate; this
-- index holds only those, by the columns a report groups and filters them by.

CREATE INDEX complaints_escalated ON complaints (submitted_at, institution_id, category_id,
    municipality_id) WHERE escalated_at IS NOT NULL;
