using Hadath.Core.Data;
using Hadath.Core.Diagnostics;

namespace Hadath.Knowledge.Tests;

public class DataFilesTests
{
    [Fact]
    public void A_missing_data_file_is_reported_with_its_code()
    {
        var e = Assert.Throws<HadathException>(() => DataFiles.Open(typeof(DataFilesTests).Assembly, "kb/no-such-file.tsv"));
        Assert.Equal(ErrorCode.LexiconMissing, e.Code);
        Assert.Contains("kb/no-such-file.tsv", e.Message, StringComparison.Ordinal);
    }
}
