using Hadath.Arabic;
using Hadath.Knowledge.Triggers;

namespace Hadath.Knowledge.Tests.Triggers;

public class TriggerMatchingTests
{
    private static readonly TriggerLexicon Lexicon = TriggerLexicon.Default;

    /// <summary>A text layer that splits no clitics (an empty word list): the matcher must strip them itself.</summary>
    private static readonly ArabicAnalyzer Unsegmented = new(new CliticSegmenter(ArabicLexicon.Empty));

    private static (ArabicText Text, IReadOnlyList<TriggerMatch> Matches) Run(string sentence, ArabicAnalyzer? analyzer = null)
    {
        var text = (analyzer ?? ArabicAnalyzer.Default).Analyze(sentence);
        return (text, Lexicon.Match(text));
    }

    /// <summary>The match whose head is the token spelled <paramref name="word"/>.</summary>
    private static TriggerMatch At(string sentence, string word, ArabicAnalyzer? analyzer = null)
    {
        var (text, matches) = Run(sentence, analyzer);
        var found = matches.Where(m => text.Text[m.HeadSpan.Start..m.HeadSpan.End] == word).ToList();
        Assert.True(found.Count == 1, $"{found.Count} matches headed by '{word}' in '{sentence}': {string.Join("; ", matches)}");
        return found[0];
    }

    [Theory]
    // verb: perfect, imperfect with its prefixes and suffixes, future, conjunctions, enclitics
    [InlineData("استقبل الرئيس الروسي المبعوث الأمريكي", "استقبل", "consult.receive.verb", TriggerForm.Perfect)]
    [InlineData("استقبلت الملكة الوفد", "استقبلت", "consult.receive.verb", TriggerForm.Perfect)]
    [InlineData("استقبلوا الضيوف في المطار", "استقبلوا", "consult.receive.verb", TriggerForm.Perfect)]
    [InlineData("يستقبل الرئيس غدا نظيره", "يستقبل", "consult.receive.verb", TriggerForm.Imperfect)]
    [InlineData("تستقبل القاهرة الوفد", "تستقبل", "consult.receive.verb", TriggerForm.Imperfect)]
    [InlineData("يستقبلون الوفود", "يستقبلون", "consult.receive.verb", TriggerForm.Imperfect)]
    [InlineData("نستقبل الضيوف", "نستقبل", "consult.receive.verb", TriggerForm.Imperfect)]
    [InlineData("وسيستقبل الرئيس نظيره", "وسيستقبل", "consult.receive.verb", TriggerForm.Imperfect)]
    [InlineData("واستقبلهم الرئيس في القصر", "واستقبلهم", "consult.receive.verb", TriggerForm.Perfect)]
    [InlineData("وجرى استقبال الرئيس في المطار", "استقبال", "consult.receive.masdar", TriggerForm.Masdar)]
    [InlineData("خلال استقباله الوفد", "استقباله", "consult.receive.masdar", TriggerForm.Masdar)]
    // protest family
    [InlineData("تظاهر آلاف الطلاب أمام البرلمان", "تظاهر", "protest.demonstrate.verb", TriggerForm.Perfect)]
    [InlineData("يتظاهرون كل جمعة", "يتظاهرون", "protest.demonstrate.verb", TriggerForm.Imperfect)]
    [InlineData("خرجت مظاهرة في العاصمة", "مظاهرة", "protest.demonstration.noun", TriggerForm.Noun)]
    [InlineData("عمت المظاهرات المدن", "المظاهرات", "protest.demonstration.noun", TriggerForm.Noun)]
    [InlineData("نظمت تظاهرة في الساحة", "تظاهرة", "protest.demonstration.noun", TriggerForm.Noun)]
    [InlineData("نظمت مسيرة حاشدة", "مسيرة", "protest.march-protest.expr", TriggerForm.Noun)]
    [InlineData("حذر ميدفيديف من أن الحرب قد تتسع", "حذر", "threaten.warn.verb", TriggerForm.Perfect)]
    [InlineData("رفع المتظاهرون الأعلام", "المتظاهرون", "protest.demonstrator.participle", TriggerForm.Participle)]
    [InlineData("تصدت الشرطة للمتظاهرين", "للمتظاهرين", "protest.demonstrator.participle", TriggerForm.Participle)]
    [InlineData("احتج العمال على الأجور", "احتج", "protest.protest.verb", TriggerForm.Perfect)]
    [InlineData("اندلعت احتجاجات واسعة", "احتجاجات", "protest.protest.masdar", TriggerForm.Masdar)]
    [InlineData("فرقت الشرطة المحتجين", "المحتجين", "protest.protester.participle", TriggerForm.Participle)]
    [InlineData("دخل الأطباء في إضراب مفتوح", "إضراب", "protest.strike.masdar", TriggerForm.Masdar)]
    [InlineData("واصل المعتقلون الإضراب عن الطعام", "الإضراب", "protest.hunger-strike.expr", TriggerForm.Noun)]
    // assault family
    [InlineData("قصف الجيش مواقع المسلحين", "قصف", "assault.shell.verb", TriggerForm.Perfect)]
    [InlineData("شنت الطائرات غارة على القرية", "شنت", "assault.launch-strikes.expr", TriggerForm.Perfect)]
    [InlineData("قتل ثلاثة في غارات على المدينة", "غارات", "assault.air-strike.noun", TriggerForm.Noun)]
    [InlineData("أسفر الهجوم عن قتلى", "الهجوم", "assault.attack.noun", TriggerForm.Noun)]
    [InlineData("تواصلت الهجمات على المدينة", "الهجمات", "assault.attack.noun", TriggerForm.Noun)]
    [InlineData("اندلعت اشتباكات بين الطرفين", "اشتباكات", "assault.clash.masdar", TriggerForm.Masdar)]
    [InlineData("اغتيل القيادي في انفجار", "اغتيل", "assault.assassinated.verb", TriggerForm.Exact)]
    // coerce
    [InlineData("اعتقلت قوات الأمن ناشطا", "اعتقلت", "coerce.arrest.verb", TriggerForm.Perfect)]
    [InlineData("نددت المنظمة باعتقاله", "باعتقاله", "coerce.arrest.masdar", TriggerForm.Masdar)]
    [InlineData("شنت السلطات حملة اعتقالات", "حملة", "coerce.kidnap-by-state.expr", TriggerForm.Noun)]
    [InlineData("واعتقلتهم الشرطة فجرا", "واعتقلتهم", "coerce.arrest.verb", TriggerForm.Perfect)]
    // threaten, accuse, request, reject, retreat
    [InlineData("هدد الرئيس بالانتقام", "هدد", "threaten.threaten.verb", TriggerForm.Perfect)]
    [InlineData("يهدد الاتفاق بالانهيار", "يهدد", "threaten.threaten.verb", TriggerForm.Imperfect)]
    [InlineData("رد على تهديده للجيران", "تهديده", "threaten.threat.masdar", TriggerForm.Masdar)]
    [InlineData("أدانت الخارجية الهجوم", "أدانت", "accuse.condemn.verb", TriggerForm.Perfect)]
    [InlineData("ندد الوزير بالقرار", "ندد", "accuse.denounce.verb", TriggerForm.Perfect)]
    [InlineData("وسط إدانة دولية واسعة", "إدانة", "accuse.condemnation.masdar", TriggerForm.Masdar)]
    [InlineData("تنديدا بالقرار", "تنديدا", "accuse.denunciation.masdar", TriggerForm.Masdar)]
    [InlineData("اتهمت الحكومة المعارضة بالتآمر", "اتهمت", "accuse.accuse.verb", TriggerForm.Perfect)]
    [InlineData("طالبت النقابة بزيادة الأجور", "طالبت", "request.demand.verb", TriggerForm.Perfect)]
    [InlineData("دعا الأمين العام إلى التهدئة", "دعا", "request.call.verb", TriggerForm.Perfect)]
    [InlineData("ودعت الأمم المتحدة الطرفين إلى التهدئة", "ودعت", "request.call.verb", TriggerForm.Perfect)]
    [InlineData("ودعت الأمم المتحدة الطرفين إلى الحوار", "ودعت", "request.request-meeting.expr", TriggerForm.Perfect)]
    [InlineData("يدعو الاتحاد إلى الهدوء", "يدعو", "request.call.verb", TriggerForm.Imperfect)]
    [InlineData("رفضت الحكومة العرض", "رفضت", "reject.refuse-demand.expr", TriggerForm.Perfect)]
    [InlineData("أعلنت رفضها للقرار", "أعلنت", "reject.express.expr", TriggerForm.Perfect)]
    [InlineData("انسحبت القوات من البلدة", "انسحبت", "retreat.withdraw.verb", TriggerForm.Perfect)]
    [InlineData("بدأ انسحاب القوات", "انسحاب", "retreat.withdrawal.masdar", TriggerForm.Masdar)]
    // consult
    [InlineData("التقى الوزير نظيره الفرنسي", "التقى", "consult.meet.verb", TriggerForm.Perfect)]
    [InlineData("التقوا في جنيف", "التقوا", "consult.meet.verb", TriggerForm.Perfect)]
    [InlineData("اجتمع الرئيس بقادة الجيش", "اجتمع", "consult.convene.verb", TriggerForm.Perfect)]
    [InlineData("وانتهى اللقاء بين الرئيسين", "اللقاء", "consult.meet.masdar", TriggerForm.Masdar)]
    [InlineData("عقدت محادثات في الدوحة", "عقدت", "consult.held-meeting.expr", TriggerForm.Perfect)]
    [InlineData("زار الوزير بغداد", "زار", "consult.visit.verb", TriggerForm.Perfect)]
    [InlineData("يزور الرئيس باريس", "يزور", "consult.visit.verb", TriggerForm.Imperfect)]
    [InlineData("في زيارة هي الأولى", "زيارة", "consult.visit.masdar", TriggerForm.Masdar)]
    [InlineData("وصل ويتكوف إلى موسكو", "وصل", "consult.arrive.expr", TriggerForm.Perfect)]
    [InlineData("أجرى اتصالا هاتفيا مع نظيره", "اتصالا", "consult.phone-call.expr", TriggerForm.Noun)]
    public void Each_family_matches_its_inflections(string sentence, string head, string entry, TriggerForm form)
    {
        var m = At(sentence, head);
        Assert.Equal(entry, m.Entry.Id);
        Assert.Equal(form, m.Form);
    }

    [Theory]
    [InlineData("واستقبل الرئيس الوفد", "واستقبل", "CONSULT")]
    [InlineData("وسيستقبل الرئيس الوفد", "وسيستقبل", "CONSULT")]
    [InlineData("فتظاهر الطلاب", "فتظاهر", "PROTEST")]
    [InlineData("والمتظاهرون في الشوارع", "والمتظاهرون", "PROTEST")]
    [InlineData("بالمظاهرات", "بالمظاهرات", "PROTEST")]
    [InlineData("للمتظاهرين", "للمتظاهرين", "PROTEST")]
    [InlineData("وباعتقاله", "وباعتقاله", "COERCE")]
    [InlineData("اعتقالهم", "اعتقالهم", "COERCE")]
    [InlineData("مظاهرتهم", "مظاهرتهم", "PROTEST")]
    [InlineData("استقبلهم", "استقبلهم", "CONSULT")]
    [InlineData("تهديده", "تهديده", "THREATEN")]
    [InlineData("ليستقبل الوفد", "ليستقبل", "CONSULT")]
    [InlineData("فالتقاه الرئيس", "فالتقاه", "CONSULT")]
    public void Clitics_the_segmenter_left_on_are_stripped(string sentence, string head, string type)
    {
        var m = At(sentence, head, Unsegmented);
        Assert.Equal(type, m.Type);
    }

    [Fact]
    public void An_expression_matches_across_a_gap_and_reports_its_parts()
    {
        var (text, matches) = Run("فرض الاتحاد الأوروبي عقوبات جديدة على روسيا");
        var m = Assert.Single(matches);
        Assert.Equal("sanction.impose.expr", m.Entry.Id);
        Assert.True(m.IsExpression);
        Assert.Equal([0, 3], m.Tokens);
        Assert.Equal(0, m.HeadToken);
        Assert.Equal("فرض الاتحاد الأوروبي عقوبات", text.Text[m.Span.Start..m.Span.End]);
        Assert.Equal("163", m.Entry.Cameo);
        Assert.Equal(new[] { "على", "ضد" }.Select(p => Normalizer.Normalize(p)), m.Entry.TargetMarkers);
    }

    [Fact]
    public void A_gap_wider_than_the_pattern_allows_does_not_match()
    {
        var (_, matches) = Run("فرض الوزير الجديد على الشركات الكبرى والصغيرة ضرائب وعقوبات");
        Assert.DoesNotContain(matches, m => m.Entry.Id == "sanction.impose.expr");
    }

    [Theory]
    [InlineData("لم تقدم إدارة ترامب أي مساعدات عسكرية لأوكرانيا", "AID", "072")]
    [InlineData("قدمت الإمارات مساعدات إنسانية للسودان", "AID", "073")]
    [InlineData("وقعت روسيا والصين اتفاقية للتعاون", "AGREE", "057")]
    [InlineData("عزز بوتين العلاقات العسكرية الروسية مع الصين", "COOPERATE", "062")]
    [InlineData("أصدر أمرا بإعادة تمركز غواصتين نوويتين", "MOBILIZE", "154")]
    [InlineData("أعلنت الحكومة الحرب على الفساد", "THREATEN", "138")]
    [InlineData("أطلقت السلطات سراح المعتقلين", "CONCEDE", "0841")]
    [InlineData("أعلن الطرفان وقف إطلاق النار", "RETREAT", "0871")]
    [InlineData("أطلق الجنود النار على المحتجين", "ASSAULT", "193")]
    [InlineData("طردت الحكومة السفير الإسرائيلي", "SANCTION", "166")]
    [InlineData("ألقت الشرطة القبض على المشتبه به", "COERCE", "173")]
    [InlineData("حملت الحكومة الحركة مسؤولية الهجوم", "ACCUSE", "112")]
    public void Light_verb_expressions_code_the_event_of_their_complement(string sentence, string type, string cameo)
    {
        var (_, matches) = Run(sentence);
        Assert.Contains(matches, m => m.Type == type && m.Entry.Cameo == cameo && m.IsExpression);
    }

    [Fact]
    public void The_longer_reading_wins_a_shared_token()
    {
        var (_, matches) = Run("تم التوصل إلى وقف إطلاق النار في غزة");
        Assert.Contains(matches, m => m.Entry.Id == "retreat.ceasefire.expr");
        Assert.DoesNotContain(matches, m => m.Entry.Id == "assault.open-fire.expr");
    }

    [Fact]
    public void A_strong_reading_wins_over_a_weak_one_of_the_same_word()
    {
        var m = At("هاجم المسلحون القرية فجرا", "هاجم");
        Assert.Equal("ASSAULT", m.Type);
        Assert.Equal(TriggerStrength.Strong, m.Strength);
    }

    [Fact]
    public void A_shared_part_leaves_its_own_trigger()
    {
        var (_, matches) = Run("فرقت الشرطة المتظاهرين بالقوة");
        Assert.Contains(matches, m => m.Entry.Id == "assault.repression.expr");
        Assert.Contains(matches, m => m.Type == "PROTEST" && m.Entry.Pos == TriggerPos.Participle);
    }

    [Fact]
    public void A_passive_damma_makes_a_perfect_verb_passive()
    {
        Assert.Equal(TriggerVoice.Passive, At("اعتُقل الناشط أمس", "اعتُقل").Voice);
        Assert.Equal(TriggerVoice.Passive, At("قُتل ثلاثة مدنيين", "قُتل").Voice);
        Assert.Equal(TriggerVoice.Active, At("اعتقل الأمن الناشط", "اعتقل").Voice);
        Assert.Equal(TriggerVoice.Active, At("قتلُوا ثلاثة", "قتلُوا").Voice);
        Assert.Equal(TriggerVoice.Passive, At("أصيب خمسة أشخاص", "أصيب").Voice);
    }

    [Theory]
    [InlineData("شاهدنا مظاهر الاحتفال في الشوارع", "PROTEST")]          // مظاهر "appearances", not مظاهرة
    [InlineData("وصل عددهم قبل يومين", "AGREE")]                         // قبل "before", not "accepted"
    [InlineData("نجح الطالب في الامتحان", "REQUEST")]                     // الطالب "the student"
    [InlineData("نحن هنا منذ الصباح", "SUPPORT")]                         // هنا "here", not هنأ
    [InlineData("قام بتركيب وصلة كهربائية", "CONSULT")]                  // وصلة "a link", not وصل
    [InlineData("بحث الوزيران سبل التعاون", "REQUEST")]                   // بحث is not ب+حث
    [InlineData("توقف القطار في المحطة", "COERCE")]                      // توقف "stopped", not أوقف "arrested"
    [InlineData("التقى الرئيس ياسر عرفات", "ASSAULT")]                   // ياسر is a name, not يأسر
    [InlineData("قال إنها لن تتراجع", "SANCTION")]                        // إنها, not أنهى+ها
    [InlineData("يتحمل الجميع المسؤولية", "ACCUSE")]                      // تحمّل "bore", not حمّل "blamed"
    [InlineData("هذا أمر لم يحدث أبدا", "AGREE")]                        // أبدا "never", not أبدى
    [InlineData("أعلنت الشركة عن تحقيق أرباح", "ACCUSE")]                // تحقيق "achieving" is weak
    public void Common_lookalikes_do_not_give_a_strong_trigger_of_that_type(string sentence, string type)
    {
        var (_, matches) = Run(sentence);
        Assert.DoesNotContain(matches, m => m.Type == type && m.Strength == TriggerStrength.Strong);
    }

    [Fact]
    public void A_listed_lookalike_form_matches_weak_where_other_forms_are_strong()
    {
        Assert.Equal(TriggerStrength.Weak, At("قتل طالب جامعي", "طالب").Strength);
        Assert.Equal(TriggerStrength.Strong, At("طالبت النقابة بالإفراج عنه", "طالبت").Strength);
        Assert.Equal(TriggerStrength.Weak, At("قصفت الطائرات القرية فجر اليوم", "فجر").Strength); // فجر "dawn"
        Assert.Equal(TriggerStrength.Strong, At("فجر الانتحاري نفسه", "فجر").Strength);
    }

    [Fact]
    public void A_drone_is_not_a_march()
    {
        var (_, matches) = Run("أسقطت الدفاعات طائرة مسيرة فوق المدينة");
        Assert.DoesNotContain(matches, m => m.Type == "PROTEST");
        Assert.Contains(matches, m => m.Type == "ASSAULT");
        var (_, march) = Run("انطلقت مسيرة احتجاجية في العاصمة");
        Assert.Contains(march, m => m.Type == "PROTEST" && m.Strength == TriggerStrength.Strong);
    }

    [Fact]
    public void In_protest_at_is_a_weak_protest_trigger()
    {
        var m = At("أحرق نفسه احتجاجا على الظلم", "احتجاجا");
        Assert.Equal("protest.in-protest.expr", m.Entry.Id);
        Assert.Equal(TriggerStrength.Weak, m.Strength);
        Assert.Contains(Run("أحرق نفسه احتجاجا على الظلم").Matches, x => x.Entry.Id == "protest.self-immolation.expr");
    }

    [Fact]
    public void Matches_are_in_text_order_and_within_the_sentence()
    {
        var text = ArabicAnalyzer.Default.Analyze("استقبل الرئيس الوفد. ثم اعتقلت الشرطة المتظاهرين.");
        var first = Lexicon.Match(text, 0);
        var second = Lexicon.Match(text, 1);
        Assert.All(first, m => Assert.Equal(0, m.Sentence));
        Assert.Equal(["COERCE", "PROTEST"], second.Select(m => m.Type));
        Assert.All(second, m => Assert.InRange(m.HeadToken, text.TokensOf(1).Start.Value, text.TokensOf(1).End.Value - 1));
        Assert.Equal(first.Count + second.Count, Lexicon.Match(text).Count);
    }

    [Fact]
    public void Text_without_triggers_and_odd_input_give_nothing()
    {
        Assert.Empty(Run("السماء صافية والطقس معتدل").Matches);
        Assert.Empty(Run("123 ... !!! abc").Matches);
        Assert.Empty(Run(new string('ب', 400)).Matches);
    }
}
