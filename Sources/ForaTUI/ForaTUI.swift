// ForaTUI — the terminal interface. Only the UI thread calls ncurses; everything here except
// `NcursesTerminal`, `CursesStyler` and `ForaApp.run` also runs on `GridTerminal` in tests.
//
//   App/        ForaApp (the ncurses loop), AppController (stack, layout, status, dispatch; its
//               +Loading and +Mouse extensions), BackgroundRunner, TUIConfig, URLOpener
//   Keys/       OperationID + OperationTable (the one table), KeyName, Keymap (per-context keys,
//               config overrides via KeymapConfig), KeyDispatcher (counts)
//   Commands/   CommandPrompt (the `:` and `/` line: completion, history) and ParsedCommand
//   Screens/    one screen per file: thread list, reader, help, links
//   Composer/   ComposerScreen (editing, fields, mentions, snippets, quotes, $EDITOR, preview,
//               sending and drafts through ComposerHooks), BodyViewport (windowed soft wrap),
//               DraftDebouncer, LinePrompt; the preview is ForaRender's MarkdownPreview
//   Review/     the moderator's review queue: the queue screen, its detail, confirmation and
//               penalty form, and the offline fallback (ReviewDataSource is ForaCore's; each
//               backend implements it)
//   Reader/     the reader's model: PostStream (lazy windows), ReaderViewport (scroll maths),
//               PostLayout (header and body rows), the store-first source (ReaderDataSource is
//               ForaCore's; each backend implements it)
//   Layout/     PaneLayout: side by side, one pane, the split, the composer's room
//   Status/     StatusModel and the bar drawn from it
//   Theme/      Theme files, colour degradation, the compiled-in default, curses attributes
//   Terminal/   the Terminal protocol, its ncurses and grid drivers, and regions of a terminal
//
// Not here: network calls (a data source or CommunityService brings data in), SQL, HTML.
