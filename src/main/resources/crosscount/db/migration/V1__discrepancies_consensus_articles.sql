-- The analysts' store. The job upserts into it (at least once, idempotent): a restart or a
-- replay rewrites the same rows, never adds to them. Times are event time unless named updated_at.

-- One row per discrepancy: a key, a window, a kind, and for a regression the source that regressed.
CREATE TABLE discrepancies (
    key               text             NOT NULL,
    window_start      timestamptz      NOT NULL,
    kind              text             NOT NULL,
    regression_source text             NOT NULL DEFAULT '',
    metric            text             NOT NULL,
    subject           text,
    grp               text,
    location          text,
    window_end        timestamptz      NOT NULL,
    severity          text             NOT NULL,
    relative_gap      double precision NOT NULL,
    explanation       text             NOT NULL,
    cause             text             NOT NULL,
    status            text             NOT NULL CHECK (status IN ('open', 'resolved')),
    first_seen        timestamptz      NOT NULL,
    last_seen         timestamptz      NOT NULL,
    resolved_at       timestamptz,
    resolution        text,
    -- The evidence as the job quoted it (each: source, article, url, title, figure, wording, sentence).
    claims            jsonb            NOT NULL,
    updated_at        timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (key, window_start, kind, regression_source)
);
CREATE INDEX discrepancies_open ON discrepancies (status, severity, last_seen DESC);

-- The latest result for each key and window: every source's figure and their consensus.
CREATE TABLE consensus (
    key             text             NOT NULL,
    window_start    timestamptz      NOT NULL,
    metric          text             NOT NULL,
    subject         text,
    grp             text,
    location        text,
    window_end      timestamptz      NOT NULL,
    source_count    integer          NOT NULL,
    min             bigint,
    max             bigint,
    median          double precision,
    consensus_low   bigint,
    consensus_high  bigint,
    is_final        boolean          NOT NULL,
    sources_omitted integer          NOT NULL DEFAULT 0,
    sources         jsonb            NOT NULL,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (key, window_start)
);

-- Every article a discrepancy or an aggregate quotes, with its link.
CREATE TABLE articles (
    article_id   text        PRIMARY KEY,
    reported_by  text        NOT NULL,
    url          text,
    title        text,
    published_at timestamptz
);

-- The evidence, one row per quoted claim, for tables and per-source panels.
CREATE VIEW discrepancy_claims AS
SELECT d.key, d.window_start, d.kind, d.regression_source, d.status, c.ordinality AS position,
       c.value ->> 'source' AS source, c.value ->> 'article_id' AS article_id,
       (c.value ->> 'published_at')::timestamptz AS published_at, c.value ->> 'url' AS url,
       c.value ->> 'title' AS title, (c.value ->> 'value')::bigint AS value, (c.value ->> 'low')::bigint AS low,
       (c.value ->> 'high')::bigint AS high, c.value ->> 'qualifier' AS qualifier,
       (c.value ->> 'hedged')::boolean AS hedged, c.value ->> 'attributed_to' AS attributed_to,
       c.value ->> 'text' AS text, c.value ->> 'sentence' AS sentence
FROM discrepancies d, jsonb_array_elements(d.claims) WITH ORDINALITY AS c(value, ordinality);

CREATE VIEW source_figures AS
SELECT k.key, k.window_start, k.window_end, k.metric, k.location, k.is_final, s.value ->> 'source' AS source,
       (s.value ->> 'value')::bigint AS value, (s.value ->> 'low')::bigint AS low,
       (s.value ->> 'high')::bigint AS high, (s.value ->> 'published_at')::timestamptz AS published_at,
       s.value ->> 'article_id' AS article_id, s.value ->> 'url' AS url, s.value ->> 'text' AS text
FROM consensus k, jsonb_array_elements(k.sources) AS s(value);
