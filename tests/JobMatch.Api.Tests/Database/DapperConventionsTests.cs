using System.Text.RegularExpressions;

namespace JobMatch.Api.Tests.Database;

public sealed partial class DapperConventionsTests
{
    /// <summary>Dapper's settings are global to the process: set anywhere else, they hide in a feature's wiring.</summary>
    [Fact]
    public void OnlyDapperConventionsSetsDappersGlobals()
    {
        var source = FolderGraph.SourceFolder();
        var generated = new[] { "bin", "obj" }.Select(f => Path.Combine(source, f) + Path.DirectorySeparatorChar).ToList();
        var setters = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !generated.Any(g => file.StartsWith(g, StringComparison.Ordinal)))
            .Where(file => DapperGlobal().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(source, file).Replace('\\', '/'))
            .ToList();
        Assert.Equal(["Database/DapperConventions.cs"], setters);
    }

    [GeneratedRegex(@"\b(SqlMapper\.(AddTypeHandler|AddTypeMap|RemoveTypeMap|ResetTypeHandlers|SetTypeMap|Settings)|DefaultTypeMap\.|Dapper\.SqlMapper\.Settings)\b|using static Dapper\.SqlMapper")]
    private static partial Regex DapperGlobal();
}
