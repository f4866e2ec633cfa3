namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>The contract tests of the marked class run only when <paramref name="name"/> is set; otherwise they are skipped, saying so.</summary>
/// <param name="name">The environment variable.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentVariableAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
