global using SnapshotPS.Emulator.Tests.Support;
global using Xunit;
