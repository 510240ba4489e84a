import ArgumentParser

@main
struct Lede: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Daily news briefings from the sources you follow, every statement cited.",
        discussion: """
            Start with `lede demo` to see a briefing built from the bundled demo corpus.
            Then follow your own sources: `lede sources add URL`, `lede fetch`, `lede brief`.
            The database is --database, else $LEDE_DATABASE, else $XDG_DATA_HOME/lede/lede.sqlite.
            """,
        subcommands: [
            DemoCommand.self, SourcesCommand.self, FetchCommand.self, BriefCommand.self, ProfileCommand.self,
            StoriesCommand.self, StoryCommand.self, AskCommand.self, ConversationsCommand.self, FeedbackCommand.self, ArticlesCommand.self, ParseCommand.self, ExtractCommand.self,
            ServeCommand.self, UsersCommand.self, TokensCommand.self, WorkerCommand.self,
        ])
}
