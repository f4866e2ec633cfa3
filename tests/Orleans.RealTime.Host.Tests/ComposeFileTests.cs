using YamlDotNet.RepresentationModel;

namespace Orleans.RealTime.Host.Tests;

/// <summary>docker/compose.yaml and docker/Dockerfile cannot run here; these tests keep them consistent with the code.</summary>
public sealed class ComposeFileTests
{
    private static readonly string DockerFolder = Path.Combine(AppContext.BaseDirectory, "docker");

    [Fact]
    public void Compose_EverySectionKeyItSets_IsAKeyTheHostReads()
    {
        var keys = EnvironmentOfServices().SelectMany(s => s.Keys.Select(k => (s.Service, Key: k))).Where(e => e.Key.Contains("__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, e => Assert.True(
            ConfigurationSchema.IsKnown(e.Key.Replace("__", ":", StringComparison.Ordinal)),
            $"service '{e.Service}' sets {e.Key}, which the host does not read."));
    }

    [Fact]
    public void Compose_RunsTwoSilosInTheClusterProfile_WithEveryRequiredSetting()
    {
        var silos = EnvironmentOfServices().Where(s => s.Keys.Contains("RealTime__Profile")).ToList();

        Assert.Equal(2, silos.Count);
        Assert.All(silos, s =>
        {
            Assert.Equal("Cluster", s.Values["RealTime__Profile"]);
            Assert.Equal("kafka:9092", s.Values["Kafka__BootstrapServers"]);
            Assert.Equal("redis:6379", s.Values["Cluster__Redis"]);
            Assert.StartsWith("Host=clickhouse;", s.Values["Storage__ClickHouse__ConnectionString"], StringComparison.Ordinal);
            Assert.Contains("Security__ApiKeys__0", s.Keys);
        });
        Assert.Equal(silos[0].Values["Orleans__ClusterId"], silos[1].Values["Orleans__ClusterId"]);
    }

    [Theory]
    [InlineData("Cluster:Redis", true)]
    [InlineData("Cluster:Membership:ProbeTimeout", true)]
    [InlineData("Storage:Hot:Retention", true)]
    [InlineData("Security:ApiKeys:0", true)]
    [InlineData("Kafka:BootstrapServers", true)]
    [InlineData("Storage:Sink:Enabled", true)]
    [InlineData("Cluster:Rediss", false)]
    [InlineData("Orleans:SiloPort:Extra", false)]
    [InlineData("Nowhere:Key", false)]
    public void Schema_KnowsBoundKeys_AndRejectsOthers(string key, bool known) =>
        Assert.Equal(known, ConfigurationSchema.IsKnown(key));

    [Fact]
    public void Dockerfile_HealthCheck_UsesTheHostsHealthcheckVerb_AsANonRootUser()
    {
        var lines = File.ReadAllLines(Path.Combine(DockerFolder, "Dockerfile"));

        Assert.Contains(lines, l => l.Trim() == "USER app");
        Assert.Contains(lines, l => l.Contains("\"Orleans.RealTime.Host.dll\", \"healthcheck\"", StringComparison.Ordinal)
            || l.Contains("/app/Orleans.RealTime.Host.dll\", \"healthcheck\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Service, IReadOnlySet<string> Keys, IReadOnlyDictionary<string, string> Values)> EnvironmentOfServices()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(DockerFolder, "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        foreach (var (name, node) in services.Children)
        {
            if (((YamlMappingNode)node).Children.TryGetValue("environment", out var environment))
            {
                var values = ((YamlMappingNode)environment).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
                yield return (name.ToString(), values.Keys.ToHashSet(StringComparer.Ordinal), values);
            }
        }
    }
}
