using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests;

// A handler validates, calls and answers; one that grows past a screen is computing and wants a home of its own.
// Measured on the compiled assembly and its portable PDB: from the line of the method's signature (the nearest line
// above its first statement that names it; a lambda starts at its body) to its last sequence point (the closing brace,
// or the end of an expression body). Local functions inside a handler count as part of it; methods it calls do not.
public sealed class HandlerLengthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const int MaxLines = 40;

    [Fact]
    public void NoEndpointHandlerIsLongerThanFortyLines()
    {
        _ = api.Server; // build the host
        var handlers = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (Route: endpoint.DisplayName ?? endpoint.RoutePattern.RawText, Method: endpoint.Metadata.GetMetadata<MethodInfo>()))
            // Minimal API endpoints carry their handler; the framework's own (health checks) live in other assemblies.
            .Where(h => h.Method?.Module.Assembly == typeof(Program).Assembly)
            .ToList();
        Assert.True(handlers.Count > 50, $"only {handlers.Count} handlers found: the reader lost the endpoints");

        using var pdb = HandlerLines.OpenPdb(typeof(Program).Assembly);
        var tooLong = handlers
            .Select(h => (h.Route, Span: HandlerLines.Measure(pdb.GetMetadataReader(), h.Method!)))
            .Where(h => h.Span.Lines > MaxLines)
            .GroupBy(h => h.Span, h => h.Route)
            .OrderByDescending(h => h.Key.Lines)
            .Select(h => $"  {h.Key.Lines} lines: {h.Key.Where} ({string.Join("; ", h.Distinct())})")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Endpoint handlers longer than {MaxLines} lines:\n{string.Join("\n", tooLong)}");
    }

    [Fact]
    public void TheMeasureCountsAnAsyncHandlerFromItsSignatureToItsClosingBrace()
    {
        // A guard on the measure itself: this method's own body, read back from the test assembly's PDB.
        using var pdb = HandlerLines.OpenPdb(typeof(HandlerLengthTests).Assembly);
        var span = HandlerLines.Measure(pdb.GetMetadataReader(), typeof(HandlerLengthTests).GetMethod(nameof(Sample), BindingFlags.NonPublic | BindingFlags.Static)!);
        Assert.Equal(7, span.Lines);
    }

    static async Task<int> Sample(
        int value)
    {
        await Task.Yield();
        var doubled = value * 2;
        return doubled;
    }
}

static class HandlerLines
{
    public static MetadataReaderProvider OpenPdb(Assembly assembly) =>
        MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.ChangeExtension(assembly.Location, ".pdb")));

    /// <summary>The lines a handler spans in its source file, and where it is.</summary>
    public static (int Lines, string Where) Measure(MetadataReader pdb, MethodInfo method)
    {
        // An async method's body lives in its state machine's MoveNext; the method itself is a stub without lines.
        var body = method.GetCustomAttribute<StateMachineAttribute>() is { } machine
            ? machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic)!
            : method;
        var handle = MetadataTokens.MethodDefinitionHandle(body.MetadataToken);
        var points = pdb.GetMethodDebugInformation(handle).GetSequencePoints().Where(p => !p.IsHidden).ToList();
        if (points.Count == 0) return (0, Name(method));
        var path = pdb.GetString(pdb.GetDocument(points[0].Document).Name);
        var first = points.Min(p => p.StartLine);
        var last = points.Max(p => p.EndLine);
        first = SignatureLine(path, first, method) ?? first;
        return (last - first + 1, $"{Name(method)} at {Path.GetFileName(path)}:{first}");
    }

    // The nearest line at or above the body's first line that declares the method by name (a lambda has no name to find).
    static int? SignatureLine(string path, int bodyLine, MethodInfo method)
    {
        if (method.Name.Contains('<', StringComparison.Ordinal) || !File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        for (var line = bodyLine; line >= Math.Max(1, bodyLine - 15); line--)
        {
            var text = lines[line - 1];
            var at = text.IndexOf(" " + method.Name, StringComparison.Ordinal);
            if (at >= 0 && text.AsSpan(at + 1 + method.Name.Length).TrimStart() is ['(' or '<', ..]) return line;
        }
        return null;
    }

    static string Name(MethodInfo method) => method.DeclaringType is { } type
        ? $"{(type.DeclaringType ?? type).FullName?.Replace("JobMatch.Api.", "", StringComparison.Ordinal)}.{method.Name}"
        : method.Name;
}
