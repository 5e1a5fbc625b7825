using Hadath.Core.Model;
using Hadath.Corpus.Store;
using Hadath.Server.Corpus;

namespace Hadath.Server.Tests;

public sealed class EventAggregatesTests
{
    private static ActorRecord A(string? code, string? country, string? text = null) => new(text, null, null, code, country, null);

    private static EventRecord E(string type, string? date, ActorRecord? source, ActorRecord? target, LocationOut? location = null, string? firstDate = null) =>
        new("c" + Guid.NewGuid().ToString("N"), 1, type, null, [], null, null, null, null, source, target, "asserted", date, firstDate ?? date, firstDate ?? date,
            location, 1, 1, 1, null, null, null, null, 1, "m", 0, null, null);

    [Fact]
    public void The_timeline_counts_types_per_bucket_uses_the_cluster_date_for_coarse_dates_and_counts_the_undated()
    {
        var events = new[]
        {
            E("CONSULT", "2025-08-04", null, null),
            E("CONSULT", "2025-08-10", null, null),
            E("ASSAULT", "2025-08", null, null, firstDate: "2025-08-11"),
            E("ASSAULT", null, null, null, firstDate: null),
        };
        var week = EventAggregates.Timeline(events, TimeBucket.Week, 100);
        Assert.Equal(["2025-W32", "2025-W33"], week.Buckets);
        Assert.Equal(1, week.Undated);
        Assert.Equal("CONSULT", week.Series[0].Type);
        Assert.Equal([2L, 0L], week.Series[0].Counts);
        Assert.Equal([0L, 1L], week.Series[1].Counts);
        var month = EventAggregates.Timeline(events, TimeBucket.Month, 100);
        Assert.Equal(["2025-08"], month.Buckets);
        Assert.True(EventAggregates.Timeline(events, TimeBucket.Day, 2).Truncated);
    }

    [Fact]
    public void The_network_weights_directed_dyads_by_events_and_keeps_the_most_active_actors()
    {
        var rus = A("RUSGOV", "RUS", "بوتين");
        var usa = A("USAGOV", "USA", "ترامب");
        var ukr = A(null, "UKR", "أوكرانيا");
        var events = new[]
        {
            E("CONSULT", "2025-08-06", rus, usa), E("CONSULT", "2025-08-07", A("RUSGOV", "RUS", "الرئيس الروسي"), usa),
            E("ASSAULT", "2025-08-06", rus, ukr), E("THREATEN", "2025-08-06", usa, rus), E("AID", "2025-08-06", usa, null),
        };
        var n = EventAggregates.Network(events, 10, 100);
        Assert.Equal(3, n.Nodes.Count);
        var russia = Assert.Single(n.Nodes, x => x.Id == "RUSGOV");
        Assert.Equal("بوتين", russia.Label);
        Assert.Equal(3, russia.AsSource);
        Assert.Equal(1, russia.AsTarget);
        var dyad = Assert.Single(n.Edges, e => e.Source == "RUSGOV" && e.Target == "USAGOV");
        Assert.Equal(2, dyad.Weight);
        Assert.Equal(2, dyad.Types["CONSULT"]);
        Assert.Single(n.Edges, e => e.Source == "USAGOV" && e.Target == "RUSGOV");
        Assert.Equal("UKR", Assert.Single(n.Edges, e => e.Source == "RUSGOV" && e.Target != "USAGOV").Target);
        var two = EventAggregates.Network(events, 2, 100);
        Assert.Equal(2, two.Nodes.Count);
        Assert.True(two.Truncated);
        Assert.All(two.Edges, e => Assert.True(e.Source != "UKR" && e.Target != "UKR"));
    }

    [Fact]
    public void The_map_counts_locations_or_actor_countries_and_ignores_organisations_and_bad_coordinates()
    {
        LocationOut L(string country, double? lat, double? lon, string text = "موسكو") => new() { Text = text, Country = country, Lat = lat, Lon = lon };
        var events = new[]
        {
            E("CONSULT", "2025-08-06", A(null, "RUS"), A(null, "USA"), L("RUS", 55.75, 37.62)),
            E("CONSULT", "2025-08-07", A(null, "RUS"), A(null, "NATO"), L("RUS", 55.75, 37.62)),
            E("ASSAULT", "2025-08-07", A(null, "RUS"), A(null, "UKR"), L("UKR", 200, 10, "مكان")),
            E("AID", "2025-08-07", A(null, "NATO"), A(null, "UKR")),
        };
        var byLocation = EventAggregates.Map(events, byActors: false, 100);
        Assert.Equal([("RUS", 2L), ("UKR", 1L)], byLocation.Countries.Select(c => (c.Country, c.Events)).ToArray());
        var moscow = Assert.Single(byLocation.Places);
        Assert.Equal(2, moscow.Events);
        Assert.Equal(1, byLocation.Unlocated);
        var byActors = EventAggregates.Map(events, byActors: true, 100);
        Assert.Equal([("RUS", 3L), ("UKR", 2L), ("USA", 1L)], byActors.Countries.Select(c => (c.Country, c.Events)).ToArray());
        Assert.Empty(byActors.Places);
    }

    [Fact]
    public void Actors_are_keyed_by_code_then_id_then_country_then_name()
    {
        Assert.Equal("RUSGOV", EventAggregates.ActorKey(new ActorRecord("بوتين", "putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")));
        Assert.Equal("putin", EventAggregates.ActorKey(new ActorRecord("بوتين", "putin", "Vladimir Putin", null, "RUS", "GOV")));
        Assert.Equal("RUS", EventAggregates.ActorKey(new ActorRecord("الروس", null, null, null, "RUS", null)));
        Assert.Equal("الروس", EventAggregates.ActorKey(new ActorRecord(" الروس ", null, null, null, null, null)));
        Assert.Null(EventAggregates.ActorKey(new ActorRecord(" ", null, null, null, null, null)));
        Assert.Null(EventAggregates.ActorKey(null));
    }
}
