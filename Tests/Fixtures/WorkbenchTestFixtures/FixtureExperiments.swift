import WorkbenchCore

/// Test-only experiments that exercise the runner and command line without real science.
public enum FixtureExperiments {
    public static let all: [any Experiment] = [PowerLawFixture(), SleepFixture()]
}
