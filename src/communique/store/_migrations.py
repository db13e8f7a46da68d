"""The database schema, as numbered migrations recorded in `schema_migrations`.

Never edit a migration that has shipped: add a new one. Each runs in a transaction.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, sentences, mentions, rejects, runs",
        """
        CREATE TABLE runs (
            id VARCHAR PRIMARY KEY,
            command VARCHAR,
            version VARCHAR,
            model VARCHAR,
            config_hash VARCHAR,
            started_at TIMESTAMP,
            finished_at TIMESTAMP,
            status VARCHAR,
            counts JSON
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            date DATE,
            title VARCHAR,
            dateline VARCHAR,
            source VARCHAR,
            url VARCHAR,
            text VARCHAR NOT NULL,
            origin VARCHAR,
            meta JSON,
            near_duplicate_of VARCHAR,
            run_id VARCHAR,
            ingested_at TIMESTAMP
        );
        CREATE INDEX articles_content_hash ON articles (content_hash);
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            label VARCHAR NOT NULL,
            sentence INTEGER
        );
        CREATE TABLE rejects (
            id VARCHAR PRIMARY KEY,
            origin VARCHAR NOT NULL,
            line INTEGER,
            reason VARCHAR NOT NULL,
            raw BLOB,
            run_id VARCHAR,
            rejected_at TIMESTAMP
        );
        """,
    ),
    (
        2,
        "actors, article actors and actor mentions",
        """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            country VARCHAR,
            party VARCHAR,
            qid VARCHAR,
            in_kb BOOLEAN
        );
        CREATE TABLE article_actors (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            name VARCHAR,
            kind VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            role VARCHAR,
            title VARCHAR,
            organisation VARCHAR,
            party VARCHAR,
            code VARCHAR,
            mentions INTEGER
        );
        CREATE TABLE actor_mentions (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            how VARCHAR,
            sentence INTEGER
        );
        CREATE INDEX article_actors_actor ON article_actors (actor_id);
        """,
    ),
    (
        3,
        "events, event mentions and dates",
        """
        CREATE TABLE events (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            cameo_root VARCHAR,
            quad_class INTEGER,
            intensity DOUBLE,
            source_actor VARCHAR,
            source_party VARCHAR,
            source_code VARCHAR,
            target_actor VARCHAR,
            target_party VARCHAR,
            target_code VARCHAR,
            polarity VARCHAR,
            modality VARCHAR,
            date_value VARCHAR,
            day DATE,
            date_text VARCHAR,
            place VARCHAR,
            evidence_start INTEGER,
            evidence_end INTEGER,
            trigger_text VARCHAR,
            pattern VARCHAR,
            confidence DOUBLE,
            mentions INTEGER,
            cluster_id VARCHAR,
            data JSON
        );
        CREATE INDEX events_cluster ON events (cluster_id);
        CREATE TABLE dates (
            article_id VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            value VARCHAR,
            grain VARCHAR,
            tense VARCHAR
        );
        """,
    ),
    (
        4,
        "quotes",
        """
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            id VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            text VARCHAR,
            kind VARCHAR,
            speaker VARCHAR,
            speaker_text VARCHAR,
            speaker_name VARCHAR,
            cue VARCHAR,
            channel VARCHAR,
            events VARCHAR[],
            data JSON
        );
        CREATE INDEX quotes_speaker ON quotes (speaker);
        """,
    ),
]

LATEST = MIGRATIONS[-1][0]
