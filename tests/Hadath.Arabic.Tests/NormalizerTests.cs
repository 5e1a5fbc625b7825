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

public class NormalizerCoverageTests
{
    [Theory]
    [InlineData("\u0627\u0654", "أ")]   // alef + combining hamza above
    [InlineData("\u0627\u0655", "إ")]   // alef + hamza below
    [InlineData("\u0627\u0653", "آ")]   // alef + madda
    [InlineData("\u0648\u0654", "ؤ")]   // waw + hamza
    [InlineData("\u064A\u0654", "ئ")]   // yeh + hamza
    [InlineData("\u0649\u0654", "ئ")]   // alef maksura + hamza
    public void Decomposed_hamza_is_composed(string decomposed, string composed)
    {
        var o = NormalizationOptions.Diacritics;
        Assert.Equal(Normalizer.Normalize(composed, o), Normalizer.Normalize(decomposed, o));
        Assert.Equal(Normalizer.Normalize(composed, NormalizationOptions.Lexical), Normalizer.Normalize(decomposed, NormalizationOptions.Lexical));
    }

    [Fact]
    public void Decomposed_hamza_keeps_the_offset_map_sound()
    {
        var decomposed = "مسو\u0654ول"; // م س و ٔ و ل
        var view = Normalizer.View(decomposed, NormalizationOptions.Lexical);
        Assert.Equal("مسؤول", view.Text);
        Assert.Equal(2, view.ToOriginal(2)); // ؤ is the و it was composed on
        Assert.Equal(4, view.ToOriginal(3));
        Assert.Equal(new TextSpan(0, 6), view.ToOriginal(0, 5));
    }

    [Theory]
    [InlineData("ڨالمة", "قالمة")]     // Algerian gaf
    [InlineData("ڧ", "ق")]             // Maghrebi qaf
    [InlineData("ڢ", "ف")]             // Maghrebi feh
    [InlineData("ڤيينا", "فيينا")]     // veh
    [InlineData("پاريس", "باريس")]     // peh
    [InlineData("چين", "جين")]         // tcheh
    [InlineData("گوگل", "كوكل")]       // gaf
    [InlineData("کردستان", "كردستان")] // keheh
    [InlineData("ایران", "ايران")]     // Farsi yeh
    [InlineData("ہ", "ه")]             // heh goal
    [InlineData("ۆ", "و")]             // Kurdish oe
    [InlineData("ڵ", "ل")]             // Kurdish lam
    [InlineData("ٹ", "ت")]             // Urdu tteh
    [InlineData("ں", "ن")]             // noon ghunna
    public void Persian_Urdu_Kurdish_and_Maghrebi_letters(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(input, NormalizationOptions.Lexical));

    [Theory]
    [InlineData("٢٠٢٥٫٥", "2025.5")]
    [InlineData("١٬٢٠٠", "1,200")]
    [InlineData("۴۵٪", "45%")]
    public void Digits_and_separators(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(input, NormalizationOptions.Lexical));

    [Theory]
    [InlineData("بو\u034Fتين")]  // combining grapheme joiner
    [InlineData("بو\u2061تين")]  // invisible function application
    [InlineData("\u061Cبوتين")]  // Arabic letter mark
    [InlineData("\u2067بوتين\u2069")] // RLI … PDI
    [InlineData("\uFEFFبوتين")]  // BOM
    [InlineData("بو\u00ADتين")]  // soft hyphen
    public void Invisible_controls_are_removed(string input) =>
        Assert.Equal("بوتين", Normalizer.Normalize(input, NormalizationOptions.Lexical));

    [Theory]
    [InlineData("ﺑﻮﺗﻴﻦ", "بوتين")]
    [InlineData("ﻟﻸ", "للا")]
    public void Presentation_forms_expand(string input, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(input, NormalizationOptions.Lexical));

    [Fact]
    public void A_lam_alef_ligature_maps_both_letters_to_the_one_original_char()
    {
        var view = Normalizer.View("ﻻ بد", NormalizationOptions.Lexical);
        Assert.Equal("لا بد", view.Text);
        Assert.Equal(0, view.ToOriginal(0));
        Assert.Equal(0, view.ToOriginal(1));
        Assert.Equal(1, view.ToOriginal(2));
        Assert.Equal(new TextSpan(0, 1), view.ToOriginal(0, 2));
    }

    [Fact]
    public void Quranic_marks_and_superscript_alef_are_diacritics()
    {
        Assert.Equal("الرحمن", Normalizer.Normalize("ٱلرَّحْمَٰنِ", NormalizationOptions.Lexical));
        Assert.Equal("ذلك", Normalizer.Normalize("ذَٰلِكَ", NormalizationOptions.Lexical));
    }
}

public class NormalizerCapacityTests
{
    [Fact]
    public void Three_letter_ligatures_fit_the_documented_buffer_and_never_overflow_a_smaller_one()
    {
        var text = new string('\uFDBC', 10); // ﶼ → لجم
        Span<char> full = stackalloc char[text.Length * Normalizer.MaxExpansion];
        Assert.Equal(30, Normalizer.Normalize(text, full, NormalizationOptions.Lexical));
        Assert.Equal(string.Concat(Enumerable.Repeat("لجم", 10)), full.ToString());
        Span<char> small = stackalloc char[text.Length * 2];
        Assert.Equal(20, Normalizer.Normalize(text, small, NormalizationOptions.Lexical));
        var analysis = ArabicAnalyzer.Default.Analyze(text + " " + text[..3]);
        Assert.Equal(2, analysis.Tokens.Count);
        Assert.Equal("لجملجملجم", analysis.Stems[1]);
    }
}
