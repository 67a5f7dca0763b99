using JobMatch.Api.Database;

namespace JobMatch.Api.Tests.Database;

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
