using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace JobMatch.Api.Tests;

// Reads the compiled JobMatch.Api assembly: a fully qualified name, a lambda or an async method body counts as much
// as a field type. Each type belongs to the top-level folder of its namespace (JobMatch.Api.X...); compiler-generated
// nested types belong to the type that declares them. The `using` lines of the source count too: a constant is
// inlined by the compiler and leaves no trace in the assembly of the folder it came from.
public sealed class FolderDependencyTests
{
    [Fact]
    public void NoFeatureFolderDependsOnAFolderThatDependsOnIt()
    {
        var edges = FolderGraph.Read(typeof(Program).Assembly.Location);
        foreach (var (edge, example) in FolderGraph.ReadUsings(FolderGraph.SourceFolder())) edges.TryAdd(edge, example);
        var problems = new List<string>();
        foreach (var cycle in FolderGraph.Cycles(edges.Keys.ToList()))
        {
            var steps = cycle.Zip(cycle.Skip(1).Append(cycle[0]), (from, to) => $"  {from} -> {to}: {edges[(from, to)]}");
            problems.Add($"{string.Join(" -> ", cycle.Append(cycle[0]))}\n{string.Join("\n", steps)}");
        }
        Assert.True(problems.Count == 0, $"Folders that depend on each other:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void TheReaderSeesReferencesInsideMethodBodiesAndLambdas()
    {
        // A guard on the reader itself: Program.cs wires every folder, and only from method bodies.
        var edges = FolderGraph.Read(typeof(Program).Assembly.Location, includeRoot: true);
        Assert.Contains(edges.Keys, e => e.From == "(root)" && e.To == "Openings");
        Assert.Contains(edges.Keys, e => e.From == "(root)" && e.To == "Matching");
    }

    [Fact]
    public void TheReaderSeesUsingLinesOfTheSource()
    {
        var edges = FolderGraph.ReadUsings(FolderGraph.SourceFolder());
        Assert.Contains(edges.Keys, e => e.From == "Cli" && e.To == "Database");
        Assert.DoesNotContain(edges.Keys, e => e.From == e.To);
    }
}

static partial class FolderGraph
{
    const string Root = "JobMatch.Api";

    /// <summary>Folder → folder edges, each with one example "Type uses Type".</summary>
    public static Dictionary<(string From, string To), string> Read(string path, bool includeRoot = false)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var edges = new Dictionary<(string, string), string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var (from, fromName) = Owner(md, handle, includeRoot);
            if (from is null) continue;
            var used = new HashSet<TypeDefinitionHandle>();
            new References(md, pe, used).OfType(handle);
            foreach (var target in used)
            {
                var (to, toName) = Owner(md, target, includeRoot);
                if (to is null || to == from) continue;
                edges.TryAdd((from, to), $"{fromName} uses {toName}");
            }
        }
        return edges;
    }

    /// <summary>src/JobMatch.Api, found by walking up from the test binaries.</summary>
    public static string SourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "src", Root);
            if (Directory.Exists(path)) return path;
        }
        throw new DirectoryNotFoundException($"src/{Root} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Folder → folder edges from the <c>using JobMatch.Api.X…;</c> lines (plain, static, alias, global) of the source.</summary>
    public static Dictionary<(string From, string To), string> ReadUsings(string sourceFolder)
    {
        var edges = new Dictionary<(string, string), string>();
        var generated = new[] { "bin", "obj" }.Select(f => Path.Combine(sourceFolder, f) + Path.DirectorySeparatorChar).ToList();
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (generated.Any(g => file.StartsWith(g, StringComparison.Ordinal))) continue;
            var relative = Path.GetRelativePath(sourceFolder, file);
            var from = relative.Contains(Path.DirectorySeparatorChar) ? relative.Split(Path.DirectorySeparatorChar)[0] : "(root)";
            if (from == "(root)") continue; // Program.cs is the composition root: it wires every folder
            foreach (var line in File.ReadLines(file))
            {
                if (UsingLine().Match(line) is not { Success: true } match) continue;
                var to = match.Groups["folder"].Value;
                if (to != from) edges.TryAdd((from, to), $"{relative.Replace('\\', '/')}: {line.Trim()}");
            }
        }
        return edges;
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?JobMatch\.Api\.(?<folder>\w+)[\s.;]")]
    private static partial Regex UsingLine();

    // The folder a type lives in, from the namespace of its outermost declaring type.
    static (string? Folder, string Name) Owner(MetadataReader md, TypeDefinitionHandle handle, bool includeRoot)
    {
        var type = md.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer) type = md.GetTypeDefinition(outer);
        var ns = md.GetString(type.Namespace);
        var name = $"{ns}.{md.GetString(type.Name)}";
        if (ns.StartsWith(Root + ".", StringComparison.Ordinal)) return (ns[(Root.Length + 1)..].Split('.')[0], name);
        if (includeRoot && (ns == Root || (ns.Length == 0 && md.GetString(type.Name) == "Program"))) return ("(root)", name);
        return (null, name);
    }

    /// <summary>Every elementary cycle's rotation starting at its smallest folder, shortest first.</summary>
    public static List<List<string>> Cycles(List<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).OrderBy(t => t, StringComparer.Ordinal).ToList());
        var found = new List<List<string>>();
        foreach (var start in next.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            void Walk(string at)
            {
                foreach (var to in next.GetValueOrDefault(at) ?? [])
                {
                    if (to == start) found.Add([.. path]);
                    // Only folders ordered after the start, so each cycle is reported once.
                    else if (string.CompareOrdinal(to, start) > 0 && !path.Contains(to) && path.Count < 6)
                    {
                        path.Add(to);
                        Walk(to);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
            Walk(start);
        }
        return [.. found.OrderBy(c => c.Count).ThenBy(c => string.Join(">", c), StringComparer.Ordinal)];
    }

    // Collects the type definitions of this assembly that a type refers to: base type, interfaces, attributes,
    // fields, properties, method signatures, locals, and every token in method bodies.
    sealed class References(MetadataReader md, PEReader pe, HashSet<TypeDefinitionHandle> used)
        : ISignatureTypeProvider<bool, object?>
    {
        static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes).GetFields()
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => (ushort)o.Value, o => o.OperandType);

        public void OfType(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            Entity(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations()) Entity(md.GetInterfaceImplementation(i).Interface);
            Attributes(type.GetCustomAttributes());
            foreach (var p in type.GetGenericParameters())
            {
                foreach (var c in md.GetGenericParameter(p).GetConstraints()) Entity(md.GetGenericParameterConstraint(c).Type);
            }
            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                field.DecodeSignature(this, null);
                Attributes(field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(p);
                property.DecodeSignature(this, null);
                Attributes(property.GetCustomAttributes());
            }
            foreach (var m in type.GetMethods()) Method(md.GetMethodDefinition(m));
        }

        void Method(MethodDefinition method)
        {
            method.DecodeSignature(this, null);
            Attributes(method.GetCustomAttributes());
            foreach (var p in method.GetParameters()) Attributes(md.GetParameter(p).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0) return;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }
            foreach (var region in body.ExceptionRegions) Entity(region.CatchType);
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                ushort code = il.ReadByte();
                if (code == 0xFE) code = (ushort)(0xFE00 | il.ReadByte());
                switch (Operands[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSig:
                        md.GetStandaloneSignature((StandaloneSignatureHandle)MetadataTokens.EntityHandle(il.ReadInt32()))
                            .DecodeMethodSignature(this, null);
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                }
            }
        }

        void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes) Entity(md.GetCustomAttribute(a).Constructor);
        }

        void Entity(EntityHandle handle)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    used.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    used.Add(method.GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    used.Add(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(this, null);
                    else member.DecodeFieldSignature(this, null);
                    break;
            }
        }

        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => used.Add(handle);
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;
        public bool GetSZArrayType(bool elementType) => false;
        public bool GetArrayType(bool elementType, ArrayShape shape) => false;
        public bool GetByReferenceType(bool elementType) => false;
        public bool GetPointerType(bool elementType) => false;
        public bool GetPinnedType(bool elementType) => false;
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => false;
        public bool GetGenericTypeParameter(object? genericContext, int index) => false;
        public bool GetGenericMethodParameter(object? genericContext, int index) => false;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => false;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => false;
    }
}
