-- Zëri's triggers on PostgreSQL, doing what SQLite's do (schema_v1.sql, schema_v2.sql,
-- schema_v5.sql, figures.rs): the complaint's Kosovo day and search words, the append-only
-- audit log, administrators outside every institution, and the daily totals.

-- The Kosovo calendar day (YYYY-MM-DD) of a moment in RFC 3339: Kosovo keeps Central European
-- Time, as Belgrade does.
CREATE FUNCTION kosovo_day(at TEXT) RETURNS TEXT LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT to_char(at::timestamptz AT TIME ZONE 'Europe/Belgrade', 'YYYY-MM-DD')
$$;

-- The Kosovo day of submitted_at, which SQLite computes as a generated column, and the words
-- search finds (search.sql). Whatever an UPDATE sets them to, they follow the columns they
-- come from.
CREATE FUNCTION complaints_derived() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.submitted_day := kosovo_day(NEW.submitted_at);
    IF TG_OP = 'INSERT'
        OR NEW.description IS DISTINCT FROM OLD.description
        OR NEW.tracking_code IS DISTINCT FROM OLD.tracking_code
        OR NEW.search IS DISTINCT FROM OLD.search THEN
        NEW.search := search_document(NEW.description, NEW.tracking_code);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER complaints_derived BEFORE INSERT OR UPDATE ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaints_derived();

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- An administrator belongs to no institution, so no institution's manager can reach their
-- account through it.
CREATE FUNCTION staff_administrators_have_no_institution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an administrator belongs to no institution';
END $$;
CREATE TRIGGER staff_administrators_have_no_institution_insert BEFORE INSERT ON staff
    FOR EACH ROW WHEN (NEW.role = 'administrator' AND NEW.institution_id IS NOT NULL)
    EXECUTE FUNCTION staff_administrators_have_no_institution();
CREATE TRIGGER staff_administrators_have_no_institution_update BEFORE UPDATE OF role, institution_id ON staff
    FOR EACH ROW WHEN (NEW.role = 'administrator' AND NEW.institution_id IS NOT NULL)
    EXECUTE FUNCTION staff_administrators_have_no_institution();

-- Tenths of an hour, rounded as SQLite's round() rounds: half away from zero, in doubles.
CREATE FUNCTION hours_in_tenths(hours DOUBLE PRECISION) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT trunc(hours * 10 + CASE WHEN hours * 10 < 0 THEN -0.5 ELSE 0.5 END)::BIGINT
$$;

-- daily_figures_add and daily_figures_remove, which these call, are in figures.sql.

CREATE FUNCTION complaints_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM daily_figures_remove(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM daily_figures_add(NEW);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER complaints_figures_insert AFTER INSERT ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaints_figures();
-- Only changes to the columns a figure depends on touch the totals.
CREATE TRIGGER complaints_figures_update AFTER UPDATE OF submitted_at, institution_id, category_id,
    municipality_id, status, acknowledged_on_time, transfers, rating_stars, first_response_hours,
    answer_due, ack_due ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaints_figures();
CREATE TRIGGER complaints_figures_delete AFTER DELETE ON complaints
    FOR EACH ROW EXECUTE FUNCTION complaints_figures();
