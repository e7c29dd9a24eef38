// The module keeps its connections in one registry per process (ConnectionRegistry.Session), shared by
// every runspace that imports it, and each test class's fixture runs its own emulator behind a connection
// named "scaleway": test classes running side by side would connect, and disconnect, each other's sessions.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
