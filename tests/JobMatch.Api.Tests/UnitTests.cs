using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Database;

namespace JobMatch.Api.Tests;

public sealed class PostgresBinariesTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("pgbin-").FullName;

    string FakeBin(string relative)
    {
        var dir = Path.Combine(root, relative);
        Directory.CreateDirectory(dir);
        foreach (var name in new[] { "initdb", "pg_ctl", "postgres" })
        {
            File.WriteAllText(Path.Combine(dir, name), "");
        }
        return dir;
    }

    [Fact]
    public void PathComesFirst()
    {
        var onPath = FakeBin("path/bin");
        FakeBin("lib/16/bin");
        Assert.Equal(onPath, PostgresBinaries.Find($"/nonexistent:{onPath}", () => null, Path.Combine(root, "lib")));
    }

    [Fact]
    public void PgConfigBindirComesBeforeVersionedFolders()
    {
        var bindir = FakeBin("pgconfig/bin");
        FakeBin("lib/16/bin");
        Assert.Equal(bindir, PostgresBinaries.Find("", () => bindir, Path.Combine(root, "lib")));
    }

    [Fact]
    public void NewestVersionedFolderWinsAndTooOldOnesAreSkipped()
    {
        FakeBin("lib/13/bin");
        FakeBin("lib/14/bin");
        var newest = FakeBin("lib/17/bin");
        FakeBin("lib/15/bin");
        Assert.Equal(newest, PostgresBinaries.Find(null, () => null, Path.Combine(root, "lib")));
    }

    [Fact]
    public void FolderWithOnlyClientToolsDoesNotCount()
    {
        var clientOnly = Path.Combine(root, "client");
        Directory.CreateDirectory(clientOnly);
        File.WriteAllText(Path.Combine(clientOnly, "psql"), "");
        FakeBin("lib/13/bin");
        Assert.Null(PostgresBinaries.Find(clientOnly, () => null, Path.Combine(root, "lib")));
    }

    [Fact]
    public void NotFoundMessageIsOneSentenceNamingBothRemedies()
    {
        var message = PostgresBinaries.NotFoundMessage;
        Assert.Contains("PostgreSQL 14 or newer", message);
        Assert.Contains("ConnectionStrings:JobMatch", message);
        Assert.Single(message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("\n", message);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("91350100M000100Y43", true)] // the example printed in GB 32100-2015
    [InlineData("91340400705000001E", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100I000100Y43", false)] // I is not in the code's alphabet
    [InlineData(null, false)]
    public void CreditCodeCheckCharacter(string? code, bool valid) => Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void FullWidthCreditCodeIsNormalised() => Assert.Equal("91350100M000100Y43", CreditCode.Normalize(" ９１３５０１００ｍ０００１００ｙ４３ "));

    [Theory]
    [InlineData("安徽山河药用辅料股份有限公司", "安徽山河药用辅料")]
    [InlineData("安徽山河药用辅料", "安徽山河药用辅料")]
    [InlineData("淮南矿业（集团）有限责任公司", "淮南矿业集团")]
    [InlineData("ＡＢＣ 物流 有限公司", "abc物流")]
    public void CompanyNamesWithAndWithoutLegalSuffixMatch(string name, string normalized) =>
        Assert.Equal(normalized, CompanyName.Normalize(name));

    [Theory]
    [InlineData(null, 20)]
    [InlineData(0, 1)]
    [InlineData(50, 50)]
    [InlineData(1000, 100)]
    public void LimitsAreClamped(int? asked, int used) => Assert.Equal(used, Paging.Clamp(asked));

    [Fact]
    public void CursorRoundTripsAndRejectsForeignText()
    {
        var id = Guid.CreateVersion7();
        Assert.True(Paging.TryDecode(Paging.Encode(id), out var decoded));
        Assert.Equal(id, decoded);
        Assert.False(Paging.TryDecode("abc", out _));
        Assert.True(Paging.TryDecode(null, out var none));
        Assert.Null(none);
    }
}

public sealed class ShanghaiTimeTests
{
    [Fact]
    public void DaysAreCountedOnShanghaiCalendar()
    {
        // 15:30 UTC is 23:30 in Shanghai; 16:30 UTC is already the next day there.
        var evening = new DateTime(2026, 3, 16, 15, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 3, 16), ShanghaiTime.DateOf(evening));
        Assert.Equal(1, ShanghaiTime.DaysBetween(evening, evening.AddHours(1)));
        Assert.Equal(0, ShanghaiTime.DaysBetween(evening.AddHours(1), evening.AddHours(20)));
    }
}
