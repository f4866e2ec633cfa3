// Session tests start whole clusters and listen to process-wide meters: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
