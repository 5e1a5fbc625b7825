namespace Hadath.Knowledge.Tests.Kb;

/// <summary>A small, complete set of knowledge-base files, so a test can change one line of one file.</summary>
internal static class KbTestData
{
    public static Dictionary<string, string> Minimal() => new(StringComparer.Ordinal)
    {
        ["kb/countries.tsv"] = "# header\nRUS\tRU\tRUS\tRussia\tMoscow\t60\t100\tروسيا|روسيا الاتحادية\nUSA\tUS\tUSA\tUnited States\tWashington, D.C.\t38\t-97\tالولايات المتحدة|أمريكا\nROU\tRO\tROM\tRomania\tBucharest\t46\t25\tرومانيا\n",
        ["kb/places.tsv"] = "# header\n524901\tMoscow\tRUS\tPPLC\t10381222\t55.75\t37.61\t1\tموسكو\n111\tSmalltown\tRUS\tPPL\t1500\t50\t40\t2\tقريتنا\n",
        ["kb/landmarks.tsv"] = "kremlin\tKremlin\tFAC\tRUS\tGOV\t55.75\t37.61\tالكرملين\nmideast\tMiddle East\tLOC\t-\t-\t29\t41\tالشرق الأوسط\n",
        ["kb/organisations.tsv"] = "nato\tNATO\tORG\tNATO\tIGO\tحلف الناتو|الناتو|حلف شمال الأطلسي\nfatah\tFatah\tORG\tRUS\tPTY\t?فتح|حركة فتح\n",
        ["kb/clubs.tsv"] = "ahly\tAl Ahly\tUSA\t?الأهلي|النادي الأهلي\n",
        ["kb/people.tsv"] = "# people\ntrump\tDonald Trump\tUSA\tدونالد ترامب|ترامب\tUSA/GOV/president 2017-01-20..2021-01-20; USA/ELI 2021-01-20..2025-01-20; USA/GOV/president 2025-01-20..\nputin\tVladimir Putin\tRUS\tفلاديمير بوتين|بوتين\tRUS/GOV/president 2012-05-07..\n",
        ["kb/demonyms.tsv"] = "RUS\tروسي\tروس\nUSA\tأمريكي|أميركي\t\n",
        ["kb/agents.tsv"] = "الرئيس\tPER\tGOV\tpresident\ttitle,bare\nالجيش|جيش\tORG\tMIL\t-\tinst,bare\nمحلل|محللون\tPER\t-\t-\tbare\n",
        ["kb/given-names.tsv"] = "ar\tمحمد|أحمد\nforeign\tجون\nweak\tأمل\n",
    };
}
