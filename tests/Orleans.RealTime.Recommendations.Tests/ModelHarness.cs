using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Recommendations.Tests;

/// <summary>The model's parts wired by hand over a fake clock, with its counters recorded.</summary>
public sealed class ModelHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public ModelHarness(Action<RecommendationOptions>? configure = null)
    {
        // Every batch republishes unless a test asks otherwise: most tests look at the model right after a batch.
        var options = new RecommendationOptions { RepublishInterval = TimeSpan.Zero };
        configure?.Invoke(options);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this harness's meter: other tests run in parallel with their own.
            if (instrument.Meter.Name == RecommendationInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, old) => old + value));
        _listener.Start();
        Instruments = new RecommendationInstruments(factory);
        Model = new ItemSimilarityModel(Options, Time);
        Trending = new TrendingProducts(Options, Time);
        Recommender = new Recommender(Model, Trending, Instruments, Options);
        Queue = new ModelUpdateQueue(Options, Instruments);
        Updater = new ModelUpdater(Queue, Model, Trending, Instruments, Options);
    }

    public IOptions<RecommendationOptions> Options { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecommendationInstruments Instruments { get; }

    public ItemSimilarityModel Model { get; }

    public TrendingProducts Trending { get; }

    public Recommender Recommender { get; }

    public ModelUpdateQueue Queue { get; }

    public ModelUpdater Updater { get; }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>A session that touched <paramref name="products"/> in order, as the batch of updates it produces.</summary>
    public List<ModelUpdate> Session(InteractionKind kind, params string[] products)
    {
        var updates = new List<ModelUpdate>();
        var context = new List<ProductInteraction>();
        foreach (var product in products)
        {
            updates.Add(new ModelUpdate(product, kind, [.. context], Time.GetUtcNow()));
            context.Insert(0, new ProductInteraction(product, kind));
        }

        return updates;
    }

    public void Learn(List<ModelUpdate> updates) => Updater.ApplyBatch(updates);

    public void Dispose()
    {
        _listener.Dispose();
        Instruments.Dispose();
        _services.Dispose();
    }
}
