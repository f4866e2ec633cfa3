using Xunit.Abstractions;
using Xunit.Sdk;

namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>Discovers <see cref="ContractFactAttribute"/> tests, skipping those whose class needs an unset environment variable.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var variable = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute))
            .Select(a => (string)a.GetConstructorArguments().Single())
            .FirstOrDefault(name => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));
        if (variable is null)
        {
            return _facts.Discover(discoveryOptions, testMethod, factAttribute);
        }

        return
        [
            new SkippedTestCase(
                diagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                $"{variable} is not set: this suite needs a server (see ENVIRONMENT.md)."),
        ];
    }
}
