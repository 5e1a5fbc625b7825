using Hadath.Core.Model;

namespace Hadath.Extraction.Tests.Events;

/// <summary>With --explain, the triggers the event coder found but did not code are listed with the reason.</summary>
public class DroppedTriggerTests
{
    private static readonly Lazy<Pipeline> Explained = new(() => DefaultPipeline.Create(new PipelineOptions { Explain = true }));
    private static readonly Lazy<Pipeline> Plain = new(() => DefaultPipeline.Create());
    private const string Text = "وقال الوزير الأردني إن هذا التحذير جاء بعد اغتيال الحريري عام 2005.";

    [Fact]
    public void Each_trigger_not_coded_is_listed_with_its_reason()
    {
        var doc = Explained.Value.Analyze(new InputDocument { Id = "t", Text = Text, Published = new DateOnly(2025, 8, 6) });
        var dropped = Assert.IsType<List<DroppedTriggerOut>>(doc.DroppedTriggers);
        var warning = Assert.Single(dropped, d => d.Text == "التحذير");
        Assert.Equal("THREATEN", warning.Type);
        Assert.StartsWith("anaphoric:", warning.Reason, StringComparison.Ordinal);
        Assert.Equal("التحذير", Text[warning.Start..warning.End]);
        Assert.Contains(dropped, d => d.Text == "اغتيال" && d.Reason.StartsWith("background:", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Events, e => e.Type == "ASSAULT");
    }

    [Fact]
    public void Without_explain_nothing_is_listed()
    {
        var doc = Plain.Value.Analyze(new InputDocument { Id = "t", Text = Text, Published = new DateOnly(2025, 8, 6) });
        Assert.Null(doc.DroppedTriggers);
    }
}
