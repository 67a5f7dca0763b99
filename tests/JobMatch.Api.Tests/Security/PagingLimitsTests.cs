using System.Net;
using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Every list in the OpenAPI document (an operation with a limit parameter), called by a caller the policy allows on
/// the seeded objects: limits above the maximum are clamped, zero and negative limits are clamped to one, an offset
/// out of range (0–1000, matches and candidates) answers 400, and a cursor the service did not issue answers 400.
/// </summary>
public sealed class PagingLimitsTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    static readonly string[] MadeUpCursors = ["not-a-cursor", "made-up", "x", "AAAA=", "%%", new string('A', 5000)];

    [Fact]
    public async Task EveryListClampsItsLimitAndRefusesACursorItDidNotIssue()
    {
        var world = await SecurityWorld.SeedAsync(api, withModel: false);
        var openApi = await OpenApiBodies.LoadAsync(api);
        var lists = openApi.Operations().Where(o => o.Method == "GET" && o.QueryParameters.Contains("limit", StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(lists.Count >= 20, $"only {lists.Count} lists found");
        var failures = new List<string>();
        var clamped = 0;
        foreach (var list in lists)
        {
            var row = AccessPolicy.Rows.Single(r => r.Operation == list.Name);
            var client = world.Clients[SecurityWorld.Callers[Array.IndexOf(row.Answers, "2xx")]];
            var path = await world.Resolve(row.Path ?? row.Template);
            var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var max = list.QueryParameters.Contains("offset", StringComparer.OrdinalIgnoreCase) ? 50 : 100;
            // Where the list holds two or more items, a limit of zero or below must give exactly one: clamped, not ignored.
            var fullPage = Items(await (await client.GetAsync(path)).Content.ReadAsStringAsync());
            foreach (var (limit, most) in new[] { ("1000", max), ("0", 1), ("-5", 1) })
            {
                using var response = await client.GetAsync($"{path}{separator}limit={limit}");
                var text = await response.Content.ReadAsStringAsync();
                var count = response.IsSuccessStatusCode ? Items(text) : -1;
                if (!response.IsSuccessStatusCode || count > most || (most == 1 && fullPage >= 2 && count != 1))
                {
                    failures.Add($"{list.Name} limit={limit}: {(int)response.StatusCode}, {count} items (at most {most}) {text[..Math.Min(text.Length, 160)]}");
                }
            }
            clamped += fullPage >= 2 ? 1 : 0;
            if (list.QueryParameters.Contains("offset", StringComparer.OrdinalIgnoreCase))
            {
                foreach (var offset in new[] { "-1", "5000" })
                {
                    using var response = await client.GetAsync($"{path}{separator}offset={offset}");
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("offset", StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{list.Name} offset={offset}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 160)]}");
                    }
                }
            }
            // Not ours, malformed base64url ("made-up" once gave a 500), badly padded, not base64url at all, far too long.
            foreach (var cursor in list.QueryParameters.Contains("cursor", StringComparer.Ordinal) ? MadeUpCursors : [])
            {
                using var response = await client.GetAsync($"{path}{separator}cursor={Uri.EscapeDataString(cursor)}");
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("\"cursor\"", StringComparison.Ordinal))
                {
                    failures.Add($"{list.Name} with cursor {cursor}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 160)]}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(clamped >= 10, $"only {clamped} lists held two items or more, too few to see the clamp work");
    }

    static int Items(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array ? root.GetArrayLength()
            : root.TryGetProperty("items", out var items) ? items.GetArrayLength() : 0;
    }
}
