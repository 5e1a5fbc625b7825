using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

public class NormalizerTests
{
    [Theory]
    [InlineData("غدًا", "غدا")]
    [InlineData("يُظهر", "يظهر")]
    [InlineData("هجومـــا", "هجوما")]
    [InlineData("أوكرانيا", "اوكرانيا")]
    [InlineData("إيران", "ايران")]
    [InlineData("آب", "اب")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("٢٠٢٥", "2025")]
    [InlineData("۲۰۲۵", "2025")]
    [InlineData("ﻻ", "لا")]
    [InlineData("ک", "ك")]
    [InlineData("ی", "ي")]
    [InlineData("بو\u200Cتين\u200F", "بوتين")]
    public void Lexical_view(string input, string expected) => Assert.Equal(expected, Normalizer.Normalize(input, NormalizationOptions.Lexical));

    [Fact]
    public void Teh_marbuta_is_folded_only_in_the_search_view()
    {
        Assert.Equal("مظاهرة", Normalizer.Normalize("مظاهرة", NormalizationOptions.Lexical));
        Assert.Equal("مظاهره", Normalizer.Normalize("مظاهرة", NormalizationOptions.Search));
    }

    [Fact]
    public void View_maps_back_to_original_offsets()
    {
        const string text = "قال: غدًا سنرى";
        var view = Normalizer.View(text);
        Assert.Equal("قال: غدا سنري", view.Text);
        var i = view.Text.IndexOf("سنري", StringComparison.Ordinal);
        var span = view.ToOriginal(i, i + 4);
        Assert.Equal("سنرى", text[span.Start..span.End]);
        var j = view.Text.IndexOf("غدا", StringComparison.Ordinal);
        var g = view.ToOriginal(j, j + 3);
        Assert.Equal("غدًا", text[g.Start..g.End]);
    }
}
