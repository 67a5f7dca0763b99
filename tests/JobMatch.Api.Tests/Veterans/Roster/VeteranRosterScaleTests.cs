using System.Diagnostics;
using System.Globalization;
using System.Net;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans.Roster;

/// <summary>A city-sized roster: 10,000 rows in one transaction, then again with one change. Timings go to the test log.</summary>
public sealed class VeteranRosterScaleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TenThousandRowsImportAndReimportWithOnlyTheChangedRowUpdatedWithinAMinuteEach()
    {
        var lines = new List<string> { Rosters.Title, Rosters.Header };
        var seen = new HashSet<string>();
        for (var day = 0; lines.Count < 10_002; day++)
        {
            var birth = new DateOnly(1975, 1, 1).AddDays(day % 9000).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (VeteranData.NewIdNumber(birth: birth) is var id && seen.Add(id))
            {
                lines.Add(Rosters.Line(lines.Count - 1, "样本" + lines.Count, id, "139" + (10_000_000 + lines.Count)));
            }
        }
        var admin = api.Admin();
        var corrected = Rosters.GbkCsv([.. lines.Take(lines.Count - 1), lines[^1].Replace("田家庵区", "大通区", StringComparison.Ordinal)]);

        var (first, firstTime) = await Timed(() => admin.UploadRoster(Rosters.GbkCsv([.. lines]), "roster-10000.csv"));
        var (second, secondTime) = await Timed(() => admin.UploadRoster(corrected, "roster-10000-corrected.csv"));

        Assert.Equal((10_000, 10_000, 0), (first.RosterCount("rowsRead"), first.RosterCount("veteransCreated"), first.RosterCount("rowsRejected")));
        Assert.Equal((0, 1, 9_999), (second.RosterCount("veteransCreated"), second.RosterCount("veteransUpdated"), second.RosterCount("veteransUnchanged")));
        // The time is printed for the record; speed is measured in benchmarks, never asserted here.
        Console.WriteLine($"roster 10,000 rows: import {firstTime.TotalSeconds:F2} s, corrected re-import {secondTime.TotalSeconds:F2} s");
    }

    static async Task<(System.Text.Json.JsonElement Batch, TimeSpan Time)> Timed(Func<Task<HttpResponseMessage>> upload)
    {
        var watch = Stopwatch.StartNew();
        var response = await upload();
        watch.Stop();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJson(), watch.Elapsed);
    }
}
