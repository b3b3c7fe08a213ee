/// The commands the shell knows.
public enum BuiltinCommands {
    public static let all: [any ShellCommand.Type] = [
        FirstCommand.self, CountCommand.self, SelectCommand.self, LetCommand.self,
        SearchCommand.self, CreateCommand.self, UpdateCommand.self, UpsertCommand.self, DeleteCommand.self,
        ObjectsCommand.self, PropsCommand.self, DescribeCommand.self, OwnersCommand.self, PipelinesCommand.self, RefreshCommand.self,
        HelpCommand.self,
        ConnectionAddCommand.self, ConnectionTestCommand.self, ConnectionListCommand.self, ConnectionShowCommand.self,
        ConnectionUseCommand.self, ConnectionRemoveCommand.self,
        ActivityAddCommand.self, ActivityRunCommand.self, ActivityListCommand.self, ActivityShowCommand.self, ActivityRemoveCommand.self,
        WhereCommand.self, SortCommand.self, UniqueCommand.self, GroupCommand.self,
        SumCommand.self, AvgCommand.self, MinCommand.self, MaxCommand.self, SetCommand.self, OpenCommand.self, ToCommand.self,
        ExitCommand.self, SourceCommand.self, HistoryCommand.self, SaveCommand.self,
        GetCommand.self, AssociateCommand.self, UnassociateCommand.self, AssociationsCommand.self, JournalCommand.self, UndoCommand.self,
        MergeCommand.self, DupesCommand.self, GDPRDeleteCommand.self, ImportCommand.self, ExportCommand.self,
        ExplainCommand.self,
    ]

    /// A registry of every built-in command.
    public static var registry: CommandRegistry { CommandRegistry(all) }
}
