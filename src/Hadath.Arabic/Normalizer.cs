using System.Text;

namespace Hadath.Arabic;

[Flags]
public enum NormalizationOptions
{
    None = 0,
    /// <summary>Remove harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.</summary>
    Diacritics = 1 << 0,
    /// <summary>Remove tatweel (ـ).</summary>
    Tatweel = 1 << 1,
    /// <summary>أ إ آ ٱ → ا.</summary>
    Alef = 1 << 2,
    /// <summary>ى → ي.</summary>
    AlefMaksura = 1 << 3,
    /// <summary>ة → ه.</summary>
    TehMarbuta = 1 << 4,
    /// <summary>Persian, Urdu, Kurdish and Maghrebi letters (ک ی ہ ۀ ڤ گ پ چ ژ ڨ ڧ ڢ ۆ ڵ ٹ ں …) → their Arabic look-alikes.</summary>
    Persian = 1 << 5,
    /// <summary>Arabic-Indic (٠-٩) and Eastern (۰-۹) digits → ASCII; Arabic decimal/thousands separators → . , and ٪ → %.</summary>
    Digits = 1 << 6,
    /// <summary>Presentation forms (U+FB50–FDFF, U+FE70–FEFF) → base letters (lam-alef ligatures expand to two chars).</summary>
    PresentationForms = 1 << 7,
    /// <summary>Remove zero-width and bidi control characters (ZWJ, ZWNJ, LRM, RLM, ALM, LRE…PDI, BOM, soft hyphen, CGJ, invisible operators).</summary>
    Controls = 1 << 8,
    /// <summary>ؤ → و, ئ → ي, ء removed: a loose key for matching misspelt hamza.</summary>
    Hamza = 1 << 9,

    /// <summary>What the lexicons are matched on: everything but ة→ه and hamza folding.</summary>
    Lexical = Diacritics | Tatweel | Alef | AlefMaksura | Persian | Digits | PresentationForms | Controls,
    /// <summary>The loosest view, for search keys.</summary>
    Search = Lexical | TehMarbuta | Hamza,
}

/// <summary>
/// Arabic normalisation as pure functions over spans. Normalisation never rewrites a document: it makes a
/// view of it, with an offset map back to the original where the length changes.
/// </summary>
public static class Normalizer
{
    public static bool IsDiacritic(char c) =>
        (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u0610' && c <= '\u061A') ||
        (c >= '\u06D6' && c <= '\u06DC') || (c >= '\u06DF' && c <= '\u06E4') || c == '\u06E7' || c == '\u06E8' ||
        (c >= '\u06EA' && c <= '\u06ED') || (c >= '\u08D3' && c <= '\u08FF' && c != '\u08E2');

    public static bool IsControl(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or '\u00AD' or '\u034F' or '\u180E'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064') || (c >= '\u2066' && c <= '\u2069');

    public static bool IsArabicLetter(char c) =>
        (c >= '\u0620' && c <= '\u064A') || c == '\u066E' || c == '\u066F' || (c >= '\u0671' && c <= '\u06D3') || c == '\u06D5' ||
        (c >= '\u06EE' && c <= '\u06EF') || (c >= '\u06FA' && c <= '\u06FC') || c == '\u06FF' ||
        (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08C9') ||
        (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFC');

    /// <summary>The ASCII value of a digit in any of the three scripts, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    /// <summary>The most chars one source char normalises to (a presentation-form ligature such as ﶼ → لجم).</summary>
    public const int MaxExpansion = 3;

    /// <summary>
    /// Writes the normalised form of <paramref name="source"/> into <paramref name="destination"/> and returns its
    /// length. A destination of <see cref="MaxExpansion"/> × source.Length chars always holds it; a smaller one
    /// (2 × is enough unless three-letter ligatures abound) gets the form cut at its end, never an overflow.
    /// When <paramref name="map"/> is given, map[i] is the offset in source of destination[i].
    /// A combining hamza or madda (U+0653–U+0655) after ا و ي ى ه is composed with it first (و + ٔ → ؤ), so
    /// decomposed text normalises like composed text.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination, NormalizationOptions options, Span<int> map = default)
    {
        var n = 0;
        var withMap = !map.IsEmpty;
        var capacity = withMap ? Math.Min(destination.Length, map.Length) : destination.Length;
        var lastWritten = -1; // source index of destination[n - 1]
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c is >= '\u0653' and <= '\u0655' && n > 0 && lastWritten == i - 1 && Compose(source[i - 1], c) is var composed and not '\0')
            {
                var m = Map(composed, options);
                if (m != '\0') destination[n - 1] = m;
                continue;
            }
            if ((options & NormalizationOptions.PresentationForms) != 0 && c >= '\uFB50')
            {
                var expanded = PresentationForms.Expand(c);
                if (expanded.Length > 0)
                {
                    foreach (var e in expanded)
                    {
                        var m = Map(e, options);
                        if (m == '\0') continue;
                        if (n == capacity) return n;
                        if (withMap) map[n] = i;
                        destination[n++] = m;
                        lastWritten = i;
                    }
                    continue;
                }
            }
            var mapped = options == NormalizationOptions.Lexical && c is >= '\u0600' and <= '\u06FF' ? LexicalArabicBlock[c - '\u0600'] : Map(c, options);
            if (mapped == '\0') continue;
            if (n == capacity) return n;
            if (withMap) map[n] = i;
            destination[n++] = mapped;
            lastWritten = i;
        }
        return n;
    }

    // Map(c, Lexical) for the Arabic block U+0600–U+06FF, the chars of nearly every word (256 entries).
    private static readonly char[] LexicalArabicBlock = BuildLexicalArabicBlock();

    private static char[] BuildLexicalArabicBlock()
    {
        var t = new char[256];
        for (var i = 0; i < t.Length; i++) t[i] = Map((char)('\u0600' + i), NormalizationOptions.Lexical);
        return t;
    }

    /// <summary>The precomposed letter of a base letter and a combining madda (U+0653), hamza above (U+0654) or below (U+0655), or '\0'.</summary>
    public static char Compose(char letter, char mark) => (letter, mark) switch
    {
        ('ا', '\u0653') => 'آ',
        ('ا', '\u0654') => 'أ',
        ('ا', '\u0655') => 'إ',
        ('و', '\u0654') => 'ؤ',
        ('ي' or 'ى', '\u0654') => 'ئ',
        ('ه' or '\u06D5', '\u0654') => '\u06C0',
        ('\u06C1', '\u0654') => '\u06C2',
        _ => '\0',
    };

    /// <summary>The normalised form as a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> source, NormalizationOptions options = NormalizationOptions.Lexical)
    {
        if (source.IsEmpty) return "";
        var buffer = source.Length <= 170 ? stackalloc char[source.Length * MaxExpansion] : new char[source.Length * MaxExpansion];
        var len = Normalize(source, buffer, options);
        return new string(buffer[..len]);
    }

    /// <summary>A normalised view of the whole text with a map back to original offsets.</summary>
    public static NormalizedView View(string text, NormalizationOptions options = NormalizationOptions.Lexical)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length * MaxExpansion];
        var map = new int[text.Length * MaxExpansion];
        var len = Normalize(text, buffer, options, map);
        return new NormalizedView(text, new string(buffer, 0, len), map.AsSpan(0, len).ToArray());
    }

    /// <summary>One character mapped under the options; '\0' means "drop it".</summary>
    public static char Map(char c, NormalizationOptions o)
    {
        if (c < '\u0600')
        {
            if (c is '\u00AD' or '\u034F' && (o & NormalizationOptions.Controls) != 0) return '\0';
            return c;
        }
        if ((o & NormalizationOptions.Diacritics) != 0 && IsDiacritic(c)) return '\0';
        if ((o & NormalizationOptions.Controls) != 0 && IsControl(c)) return '\0';
        switch (c)
        {
            case '\u0640': return (o & NormalizationOptions.Tatweel) != 0 ? '\0' : c;
            case 'أ' or 'إ' or 'آ' or '\u0671' or '\u0672' or '\u0673' or '\u0675':
                return (o & NormalizationOptions.Alef) != 0 ? 'ا' : c;
            case 'ى': return (o & NormalizationOptions.AlefMaksura) != 0 ? 'ي' : c;
            case 'ة': return (o & NormalizationOptions.TehMarbuta) != 0 ? 'ه' : c;
            case 'ؤ': return (o & NormalizationOptions.Hamza) != 0 ? 'و' : c;
            case 'ئ': return (o & NormalizationOptions.Hamza) != 0 ? 'ي' : c;
            case 'ء': return (o & NormalizationOptions.Hamza) != 0 ? '\0' : c;
            case '\u066B': return (o & NormalizationOptions.Digits) != 0 ? '.' : c; // Arabic decimal separator
            case '\u066C': return (o & NormalizationOptions.Digits) != 0 ? ',' : c; // Arabic thousands separator
            case '\u066A': return (o & NormalizationOptions.Digits) != 0 ? '%' : c; // Arabic percent sign
        }
        if ((o & NormalizationOptions.Digits) != 0)
        {
            var d = DigitValue(c);
            if (d >= 0) return (char)('0' + d);
        }
        if ((o & NormalizationOptions.Persian) != 0)
        {
            switch (c)
            {
                case '\u06A9' or '\u06AA' or '\u06AF': return 'ك'; // keheh, swash kaf, gaf
                case '\u06CC' or '\u06D0' or '\u06D2' or '\u0649' when (o & NormalizationOptions.AlefMaksura) != 0: return 'ي';
                case '\u06CC' or '\u06D0' or '\u06D2': return 'ي';
                case '\u06C1' or '\u06BE' or '\u06D5': return 'ه';
                case '\u06C0': return 'ه';
                case '\u06A4': return 'ف'; // veh
                case '\u067E': return 'ب'; // peh
                case '\u0686': return 'ج'; // tcheh
                case '\u0698': return 'ز'; // jeh
                case '\u06C3': return 'ة';
                case '\u06C2': return (o & NormalizationOptions.Hamza) != 0 ? 'ه' : c; // heh goal with hamza
                case '\u06A7' or '\u06A8' or '\u066F': return 'ق'; // Maghrebi qaf, Tunisian/Algerian gaf ڨ, dotless qaf
                case '\u06A2' or '\u06A1': return 'ف'; // Maghrebi feh, dotless feh
                case '\u066E': return 'ب'; // dotless beh
                case '\u06AD': return 'ك'; // ng
                case '\u0679': return 'ت'; // tteh
                case '\u0688': return 'د'; // ddal
                case '\u0691' or '\u0695': return 'ر'; // rreh, Kurdish reh
                case '\u06BA' or '\u06BB': return 'ن'; // noon ghunna
                case '\u06B5': return 'ل'; // Kurdish lam
                case '\u06C6' or '\u06C7' or '\u06C8' or '\u06CB' or '\u06C5': return 'و'; // Kurdish and Uyghur waws
                case '\u06CE' or '\u06CD': return 'ي'; // Kurdish yeh, yeh with tail
            }
        }
        return c;
    }
}

/// <summary>A normalised copy of a text with, for each of its chars, the offset of the original char it came from.</summary>
public sealed class NormalizedView
{
    private readonly int[] _map;

    internal NormalizedView(string original, string normalized, int[] map)
    {
        Original = original;
        Text = normalized;
        _map = map;
    }

    public string Original { get; }
    public string Text { get; }

    /// <summary>The original offset of normalised offset <paramref name="index"/> (Text.Length maps to Original.Length).</summary>
    public int ToOriginal(int index) => index >= _map.Length ? Original.Length : _map[index];

    /// <summary>The original span covering normalised [start, end).</summary>
    public TextSpan ToOriginal(int start, int end)
    {
        if (end <= start) { var s = ToOriginal(start); return new TextSpan(s, s); }
        return new TextSpan(ToOriginal(start), ToOriginal(end - 1) + 1);
    }
}
