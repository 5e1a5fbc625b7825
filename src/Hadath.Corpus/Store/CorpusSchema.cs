namespace Hadath.Corpus.Store;

/// <summary>One schema migration: a version, what it does, and its statements.</summary>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// The corpus schema (docs/corpus.md) as ordered migrations. The relational part is portable SQL (types INTEGER, TEXT,
/// REAL; no SQLite-only syntax), so a PostgreSQL store can run the same statements with BIGINT identities; the
/// full-text index is engine-specific and comes from <see cref="SqliteFullText"/> (PostgreSQL would use tsvector columns
/// over the same term lists).
/// </summary>
public static class CorpusSchema
{
    /// <summary>The newest schema version this code reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The bookkeeping table, created before any migration runs.</summary>
    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>The portable (relational) statements of every migration, in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "documents, sentences, actors, entities, events, event mentions, quotes, times, failures",
        [
            """
            CREATE TABLE meta (
              key TEXT NOT NULL PRIMARY KEY,
              value TEXT NOT NULL)
            """,
            """
            CREATE TABLE documents (
              id INTEGER NOT NULL PRIMARY KEY,
              doc_key TEXT NOT NULL UNIQUE,
              text_hash TEXT NOT NULL,
              external_id TEXT,
              url TEXT,
              title TEXT,
              source TEXT,
              origin TEXT,
              published TEXT,
              text TEXT NOT NULL,
              char_count INTEGER NOT NULL,
              analysis BLOB NOT NULL,
              analyzer_version TEXT NOT NULL,
              ingested_at TEXT NOT NULL,
              analysed_at TEXT NOT NULL)
            """,
            "CREATE INDEX documents_published ON documents (published)",
            "CREATE INDEX documents_external_id ON documents (external_id)",
            """
            CREATE TABLE sentences (
              document_id INTEGER NOT NULL REFERENCES documents (id),
              idx INTEGER NOT NULL,
              start_char INTEGER NOT NULL,
              end_char INTEGER NOT NULL,
              PRIMARY KEY (document_id, idx))
            """,
            """
            CREATE TABLE actors (
              id INTEGER NOT NULL PRIMARY KEY,
              actor_key TEXT NOT NULL UNIQUE,
              kb_id TEXT,
              name TEXT,
              code TEXT,
              country TEXT,
              sector TEXT)
            """,
            "CREATE INDEX actors_code ON actors (code)",
            """
            CREATE TABLE entities (
              document_id INTEGER NOT NULL REFERENCES documents (id),
              idx INTEGER NOT NULL,
              text TEXT NOT NULL,
              start_char INTEGER NOT NULL,
              end_char INTEGER NOT NULL,
              type TEXT NOT NULL,
              actor_id INTEGER REFERENCES actors (id),
              PRIMARY KEY (document_id, idx))
            """,
            "CREATE INDEX entities_actor ON entities (actor_id)",
            """
            CREATE TABLE events (
              cluster_key TEXT NOT NULL PRIMARY KEY,
              group_key TEXT NOT NULL,
              type TEXT NOT NULL,
              negated INTEGER NOT NULL,
              source_key TEXT NOT NULL,
              target_key TEXT NOT NULL,
              facet_key TEXT NOT NULL,
              first_day INTEGER,
              last_day INTEGER,
              first_date TEXT,
              last_date TEXT,
              mention_count INTEGER NOT NULL,
              document_count INTEGER NOT NULL,
              representative_id INTEGER)
            """,
            "CREATE INDEX events_group ON events (group_key)",
            "CREATE INDEX events_first_date ON events (first_date)",
            """
            CREATE TABLE event_mentions (
              id INTEGER NOT NULL PRIMARY KEY,
              document_id INTEGER NOT NULL REFERENCES documents (id),
              idx INTEGER NOT NULL,
              cluster_key TEXT NOT NULL,
              group_key TEXT NOT NULL,
              day INTEGER,
              facet_key TEXT NOT NULL,
              effective_date TEXT,
              mention_id TEXT NOT NULL,
              type TEXT NOT NULL,
              mode TEXT,
              context TEXT,
              cameo TEXT,
              cameo_root TEXT,
              quad_class INTEGER,
              goldstein REAL,
              modality TEXT NOT NULL,
              source_actor_id INTEGER REFERENCES actors (id),
              source_text TEXT,
              source_kb_id TEXT,
              source_name TEXT,
              source_code TEXT,
              source_country TEXT,
              source_sector TEXT,
              target_actor_id INTEGER REFERENCES actors (id),
              target_text TEXT,
              target_kb_id TEXT,
              target_name TEXT,
              target_code TEXT,
              target_country TEXT,
              target_sector TEXT,
              reporter_actor_id INTEGER REFERENCES actors (id),
              reporter_text TEXT,
              reporter_name TEXT,
              reporter_code TEXT,
              event_date TEXT,
              date_text TEXT,
              date_type TEXT,
              location_text TEXT,
              location_name TEXT,
              location_country TEXT,
              lat REAL,
              lon REAL,
              anchor_text TEXT,
              anchor_start INTEGER,
              evidence_text TEXT,
              sentence INTEGER NOT NULL,
              confidence REAL NOT NULL,
              event_json BLOB NOT NULL,
              UNIQUE (document_id, idx))
            """,
            "CREATE INDEX event_mentions_cluster ON event_mentions (cluster_key)",
            "CREATE INDEX event_mentions_group ON event_mentions (group_key, day, facet_key, cluster_key)",
            "CREATE INDEX event_mentions_date ON event_mentions (effective_date)",
            "CREATE INDEX event_mentions_type ON event_mentions (type, effective_date)",
            "CREATE INDEX event_mentions_source ON event_mentions (source_country, source_code)",
            "CREATE INDEX event_mentions_target ON event_mentions (target_country, target_code)",
            "CREATE INDEX event_mentions_source_actor ON event_mentions (source_actor_id)",
            "CREATE INDEX event_mentions_target_actor ON event_mentions (target_actor_id)",
            "CREATE INDEX event_mentions_location ON event_mentions (location_country)",
            """
            CREATE TABLE quotes (
              id INTEGER NOT NULL PRIMARY KEY,
              document_id INTEGER NOT NULL REFERENCES documents (id),
              idx INTEGER NOT NULL,
              text TEXT NOT NULL,
              start_char INTEGER NOT NULL,
              end_char INTEGER NOT NULL,
              direct INTEGER NOT NULL,
              cue TEXT,
              speaker_text TEXT,
              speaker_actor_id INTEGER REFERENCES actors (id),
              UNIQUE (document_id, idx))
            """,
            """
            CREATE TABLE times (
              document_id INTEGER NOT NULL REFERENCES documents (id),
              idx INTEGER NOT NULL,
              text TEXT NOT NULL,
              start_char INTEGER NOT NULL,
              end_char INTEGER NOT NULL,
              value TEXT,
              kind TEXT,
              PRIMARY KEY (document_id, idx))
            """,
            """
            CREATE TABLE failures (
              id INTEGER NOT NULL PRIMARY KEY,
              origin TEXT NOT NULL,
              external_id TEXT NOT NULL,
              code TEXT NOT NULL,
              message TEXT NOT NULL,
              first_seen TEXT NOT NULL,
              last_seen TEXT NOT NULL,
              occurrences INTEGER NOT NULL,
              UNIQUE (origin, external_id, code))
            """,
        ]),
    ];
}

/// <summary>The SQLite-specific part of the schema: FTS5 tables over the Arabic search terms.</summary>
public static class SqliteFullText
{
    /// <summary>Per migration version, the FTS statements to run after the portable ones.</summary>
    public static IReadOnlyDictionary<int, string[]> Statements { get; } = new Dictionary<int, string[]>
    {
        [1] =
        [
            // Contentless: the text lives in documents/quotes; the index holds only the term lists (surface, stems).
            "CREATE VIRTUAL TABLE documents_fts USING fts5(surface, stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
            "CREATE VIRTUAL TABLE quotes_fts USING fts5(surface, stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')",
        ],
    };
}
