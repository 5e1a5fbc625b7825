using Hadath.Core.Model;
using Hadath.Corpus.Clustering;

namespace Hadath.Corpus.Store;

/// <summary>
/// One row of <c>event_mentions</c>: the INSERT both stores run and its values, so that a mention is stored with the
/// same columns on SQLite and PostgreSQL. The actors' row ids are resolved (and upserted) by the store first.
/// </summary>
public static class MentionInsert
{
    /// <summary>The INSERT statement (parameters written @name; the cluster key is filled by the group's recomputation).</summary>
    public const string InsertSql = """
            INSERT INTO event_mentions (document_id, idx, cluster_key, group_key, day, facet_key, effective_date, mention_id, type, mode, context,
              cameo, cameo_root, quad_class, goldstein, modality,
              source_actor_id, source_text, source_kb_id, source_name, source_code, source_country, source_sector,
              target_actor_id, target_text, target_kb_id, target_name, target_code, target_country, target_sector,
              reporter_actor_id, reporter_text, reporter_name, reporter_code,
              event_date, date_text, date_type, location_text, location_name, location_country, lat, lon,
              anchor_text, anchor_start, evidence_text, sentence, confidence, event_json)
            VALUES (@doc, @idx, '', @g, @day, @place, @eff, @mid, @type, @mode, @ctx,
              @cameo, @root, @quad, @gold, @modality,
              @sa, @st, @sid, @sn, @sc, @scn, @ss,
              @ta, @tt, @tid, @tn, @tc, @tcn, @ts,
              @ra, @rt, @rn, @rc,
              @date, @dtext, @dtype, @ltext, @lname, @lcountry, @lat, @lon,
              @anchor, @astart, @evidence, @sentence, @conf, @json)
            """;

    /// <summary>The statement's values, with parameter names prefixed by <paramref name="p"/> ("@" for SQLite, "" for Npgsql).</summary>
    public static (string Name, object? Value)[] Values(string p, long documentId, int idx, EventOut e, MentionKey key, long? sourceActor, long? targetActor, long? reporterActor)
    {
        ArgumentNullException.ThrowIfNull(e);
        var src = e.Source;
        var tgt = e.Target;
        var rep = e.Reporter;
        return
        [
            (p + "doc", documentId), (p + "idx", (long)idx), (p + "g", key.Group), (p + "day", (long?)key.Day), (p + "place", key.Facet), (p + "eff", key.EffectiveDate),
            (p + "mid", e.Id), (p + "type", (e.Type ?? "").ToUpperInvariant()), (p + "mode", e.Mode),
            (p + "ctx", e.Context.Count == 0 ? null : CorpusJson.Serialize(e.Context)),
            (p + "cameo", e.Cameo), (p + "root", e.CameoRoot), (p + "quad", (long?)e.QuadClass), (p + "gold", e.Goldstein), (p + "modality", (e.Modality ?? "asserted").ToLowerInvariant()),
            (p + "sa", sourceActor), (p + "st", src?.Text), (p + "sid", src?.Id), (p + "sn", src?.Name), (p + "sc", Upper(src?.Code)), (p + "scn", Upper(src?.Country)), (p + "ss", Upper(src?.Sector)),
            (p + "ta", targetActor), (p + "tt", tgt?.Text), (p + "tid", tgt?.Id), (p + "tn", tgt?.Name), (p + "tc", Upper(tgt?.Code)), (p + "tcn", Upper(tgt?.Country)), (p + "ts", Upper(tgt?.Sector)),
            (p + "ra", reporterActor), (p + "rt", rep?.Text), (p + "rn", rep?.Name), (p + "rc", Upper(rep?.Code)),
            (p + "date", e.Date), (p + "dtext", e.DateText), (p + "dtype", e.DateType),
            (p + "ltext", e.Location?.Text), (p + "lname", e.Location?.Name), (p + "lcountry", Upper(e.Location?.Country)), (p + "lat", e.Location?.Lat), (p + "lon", e.Location?.Lon),
            (p + "anchor", e.Anchor?.Text), (p + "astart", (long?)e.Anchor?.Start), (p + "evidence", e.Evidence?.Text), (p + "sentence", (long)e.Sentence), (p + "conf", e.Confidence),
            (p + "json", Packed.Pack(CorpusJson.Serialize(e))),
        ];
    }

    private static string? Upper(string? s) => string.IsNullOrEmpty(s) ? null : s.ToUpperInvariant();
}
