using Hadath.Corpus.Clustering;

namespace Hadath.Corpus.Tests;

public class ClusteringTests
{
    private const string G = "CONSULT|+|RUS|USA";
    private static readonly int D = new DateOnly(2025, 8, 6).DayNumber;

    [Fact]
    public void Neighbouring_days_are_one_event_and_a_gap_makes_two()
    {
        var a = EventClustering.Assign(G, [new(D, "||", 2), new(D + 1, "||", 1), new(D + 3, "||", 1)]);
        Assert.Equal(a[(D, "||")], a[(D + 1, "||")]);
        Assert.NotEqual(a[(D, "||")], a[(D + 3, "||")]);
    }

    [Fact]
    public void A_daily_series_is_cut_so_no_event_spans_more_than_three_days()
    {
        var atoms = Enumerable.Range(0, 7).Select(i => new ClusterAtom(D + i, "||", 1)).ToList();
        var a = EventClustering.Assign(G, atoms);
        Assert.Equal(3, a.Values.Distinct().Count());
        Assert.Equal(a[(D, "||")], a[(D + 2, "||")]);
        Assert.NotEqual(a[(D, "||")], a[(D + 3, "||")]);
    }

    [Fact]
    public void Assignment_does_not_depend_on_the_order_cells_arrive_in()
    {
        var atoms = new List<ClusterAtom>
        {
            new(D, "RUS||", 3), new(D + 1, "||", 1), new(D + 1, "UKR||", 1), new(D + 2, "||", 2), new(D + 6, "||", 1), new(null, "||", 1), new(D + 7, "RUS|GOV|", 1),
        };
        var expected = EventClustering.Assign(G, atoms);
        var rng = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = atoms.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(expected.OrderBy(kv => kv.Key.ToString()), EventClustering.Assign(G, shuffled).OrderBy(kv => kv.Key.ToString()));
        }
    }

    [Fact]
    public void Places_split_events_and_an_unknown_place_joins_the_most_mentioned_one()
    {
        var a = EventClustering.Assign(G, [new(D, "RUS||", 3), new(D, "UKR||", 1), new(D, "||", 1)]);
        Assert.NotEqual(a[(D, "RUS||")], a[(D, "UKR||")]);
        Assert.Equal(a[(D, "RUS||")], a[(D, "||")]);
    }

    [Fact]
    public void An_actor_without_a_sector_joins_the_same_country_with_one_but_different_sectors_are_apart()
    {
        var a = EventClustering.Assign(G, [new(D, "|GOV|GOV", 2), new(D, "||GOV", 1), new(D, "|MIL|MIL", 1), new(D + 1, "MOW|GOV|", 1)]);
        Assert.Equal(a[(D, "|GOV|GOV")], a[(D, "||GOV")]);
        Assert.Equal(a[(D, "|GOV|GOV")], a[(D + 1, "MOW|GOV|")]);
        Assert.NotEqual(a[(D, "|GOV|GOV")], a[(D, "|MIL|MIL")]);
    }

    [Fact]
    public void Meetings_have_no_direction_but_other_types_do()
    {
        var rus = Docs.Actor("RUS");
        var usa = Docs.Actor("USA");
        var k1 = EventClustering.KeyOf(Docs.Event("CONSULT", rus, usa, "2025-08-06"), null, "d1");
        var k2 = EventClustering.KeyOf(Docs.Event("CONSULT", usa, rus, "2025-08-06"), null, "d2");
        Assert.Equal(k1.Group, k2.Group);
        var t1 = EventClustering.KeyOf(Docs.Event("THREATEN", rus, usa, "2025-08-06"), null, "d1");
        var t2 = EventClustering.KeyOf(Docs.Event("THREATEN", usa, rus, "2025-08-06"), null, "d1");
        Assert.NotEqual(t1.Group, t2.Group);
    }

    [Fact]
    public void Negated_events_and_undated_events_are_kept_apart()
    {
        var rus = Docs.Actor("RUS");
        var usa = Docs.Actor("USA");
        var yes = EventClustering.KeyOf(Docs.Event("AID", usa, rus, "2025-08-06"), null, "d1");
        var no = EventClustering.KeyOf(Docs.Event("AID", usa, rus, "2025-08-06", modality: "negated"), null, "d1");
        Assert.NotEqual(yes.Group, no.Group);
        var undated1 = EventClustering.KeyOf(Docs.Event("AID", usa, rus), null, "d1");
        var undated2 = EventClustering.KeyOf(Docs.Event("AID", usa, rus), null, "d2");
        Assert.Null(undated1.Day);
        Assert.NotEqual(undated1.Group, undated2.Group);
    }

    [Fact]
    public void A_mention_without_a_day_takes_its_documents_publication_date()
    {
        var e = Docs.Event("CONSULT", Docs.Actor("RUS"), Docs.Actor("USA"), "2025-W32");
        var k = EventClustering.KeyOf(e, new DateOnly(2025, 8, 7), "d");
        Assert.Equal("2025-08-07", k.EffectiveDate);
        Assert.Equal("2025-08-06", EventClustering.KeyOf(Docs.Event("CONSULT", null, null, "2025-08-06"), new DateOnly(2025, 8, 7), "d").EffectiveDate);
    }

    [Fact]
    public void Actor_keys_use_the_country_then_the_id_and_sectors_are_facets()
    {
        Assert.Equal("RUS", EventClustering.ActorKey(Docs.Actor("rus", "gov")));
        Assert.Equal("id:Q7747", EventClustering.ActorKey(new Hadath.Core.Model.ActorOut { Id = "Q7747" }));
        Assert.Equal("-", EventClustering.ActorKey(null));
        var k = EventClustering.KeyOf(Docs.Event("CONSULT", Docs.Actor("USA", "GOV"), Docs.Actor("RUS", null), "2025-08-06"), null, "d");
        Assert.Equal("CONSULT|+|RUS|USA", k.Group);
        Assert.Equal("||GOV", k.Facet);
    }
}
