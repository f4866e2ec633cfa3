using Orleans.RealTime.Host.Hosting;

namespace Orleans.RealTime.Host;

/// <summary>Builds the platform's one executable: an Orleans silo and the gRPC front end.</summary>
public static class RealTimeHost
{
    /// <summary>Builds the application from command-line arguments, <c>appsettings.json</c> and environment variables.</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls http://127.0.0.1:5000 --Orleans:SiloPort=11112</c>.</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddRealTimeHost();
        var app = builder.Build();
        app.MapRealTimeHost();
        return app;
    }
}
