"""The main window: wires the journal service, the journal view, the logging forms and undo.

This is the one place that connects widgets to the service. Forms return entries; the
window hands them to the service through undoable commands and refreshes the views.

At start-up the window is shown before its journal is open (app.py), as a frame of menus
and toolbar saying "Opening your journal…". Everything that shows or changes entries (the
journal view, the status panel, the forms, the analysis behind them) is imported and
built when the journal, or its first screen, is handed over: their modules cost more than
the frame itself, and the first window is what the patient waits for (issue 14).

The first screen (show_first_screen) is the journal's rows and Today panel read before
the Journal itself is open (SQLAlchemy's import costs more than the rest of the start):
shown as they will stay, while nothing that changes the journal can be used yet. A row
or button used then waits for the journal; the menus, the toolbar and the Charts tab
are enabled when open_journal hands it over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

# Nor Qt's namespace, QStyle or the dialogs' classes here: PySide6 builds their hundreds
# of enums on first use.
from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sciajournal.core.timestamps import local_now
from sciajournal.storage.lock_holder import Holder, clear_holder, record_holder
from sciajournal.ui.first_paint import after_first_paint
from sciajournal.ui.guide_name import GUIDE_NAME
from sciajournal.ui.startup_trace import mark_first_paint
from sciajournal.ui.widgets.screen_room import available_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    # Imported when the journal is handed over (_build_body) or on first use: see above.
    from sciajournal.analysis.nerve_signs import ChecklistPrompt
    from sciajournal.core.entities import Entry, RedFlagCheck, Walk
    from sciajournal.core.settings import Settings
    from sciajournal.storage.journal import Journal  # SQLAlchemy: not before the window
    from sciajournal.storage.reading import JournalReading
    from sciajournal.ui.charts.charts_view import ChartsView as ChartsViewType
    from sciajournal.ui.dialogs.help_dialog import HelpDialog
    from sciajournal.ui.dialogs.red_flag_notice import RedFlagNotice
    from sciajournal.ui.file_actions import FileActions
    from sciajournal.ui.forms.entry_form import EntryForm
    from sciajournal.ui.journal_listing import JournalListing
    from sciajournal.ui.journal_view import JournalView
    from sciajournal.ui.reminder_schedule import Reminder
    from sciajournal.ui.reminders import ReminderBar, Reminders
    from sciajournal.ui.status_panel import StatusPanel

#: How often the window looks for follow-ups that have come due.
FOLLOW_UP_CHECK_MS = 30_000


class MainWindow(QMainWindow):
    journal: Journal
    #: What the status panel and the list read: the journal, or its first screen until then.
    reading: JournalReading
    settings: Settings  # the journal's own, read by refresh
    # Built with the journal (_build_body), not before: see the module docstring.
    view: JournalView
    listing: JournalListing
    status_panel: StatusPanel
    reminder_bar: ReminderBar
    reminders: Reminders
    files: FileActions

    def __init__(
        self,
        journal: Journal | None,
        *,
        clock: Callable[[], datetime] = local_now,
        path: Path | None = None,
    ) -> None:
        """The window for `journal`; or, with None, for the journal at `path` that the
        caller opens next and hands to open_journal (the window is shown first)."""
        super().__init__()
        self.setObjectName("main-window")
        self.clock = clock
        self.active_form: QDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.undo_stack = QUndoStack(self)
        name = journal.path.name if journal is not None else path.name if path else ""
        self.setWindowTitle(f"SciaJournal — {name}")

        # The Journal tab's page: "Opening your journal…" until the journal is handed over.
        self.journal_page = QWidget()
        self.journal_layout = QVBoxLayout(self.journal_page)
        # Centred by its markup rather than by Qt.AlignmentFlag: see the PySide6 imports.
        self.opening = QLabel('<p align="center">Opening your journal…</p>')
        self.opening.setAccessibleName("Opening your journal…")
        self.journal_layout.addWidget(self.opening)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.journal_page, "&Journal")
        self.charts: ChartsViewType | None = None
        self._charts_stale = True
        self.tabs.addTab(QWidget(), "&Charts")  # built when first shown: see show_charts
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        # Given to their actions with the journal: the first setShortcut has PySide6 build
        # the Qt namespace's enums (tens of ms), and before then the actions are disabled.
        self._shortcuts: list[tuple[QAction, QKeySequence]] = []
        #: Every menu and toolbar action: disabled until the journal is open.
        self._journal_actions: list[QAction] = []
        self._build_actions()

        self._quitting = False
        self._morning_walk: Walk | None = None
        self.follow_up_timer = QTimer(self)
        self.follow_up_timer.setInterval(FOLLOW_UP_CHECK_MS)
        self.follow_up_timer.timeout.connect(self.refresh_status)

        self._restore_geometry()
        self._opened = False
        self._built = False
        #: What was asked for while the first screen was shown, done when the journal opens.
        self._waiting: list[Callable[[], object]] = []
        if journal is None:
            self._show_opening()
        else:
            self.open_journal(journal)

    def _show_opening(self) -> None:
        """Until the journal is open: says so (never an empty-looking journal), and
        nothing that reads or changes the journal can be used yet."""
        for widget in (self.tabs, self.menuBar(), self.log_toolbar):
            widget.setEnabled(False)
        for action in self._journal_actions:  # not even triggered from elsewhere
            action.setEnabled(False)

    def _build_body(self) -> None:
        """The widgets that show and change entries, in place of "Opening your journal…"."""
        from sciajournal.ui.journal_listing import JournalListing
        from sciajournal.ui.journal_view import JournalView
        from sciajournal.ui.reminders import ReminderBar, Reminders, make_tray
        from sciajournal.ui.status_panel import StatusPanel

        # The status bar too (a first window without one shows sooner). "Deleted the walk"
        # must not stay on screen after Ctrl+Z brought it back.
        status_bar = self.statusBar()
        self.undo_stack.indexChanged.connect(status_bar.clearMessage)
        # Now, not in the next turn (as for a widget added to a shown window): the body is
        # then laid out with the room the status bar leaves it, once (see _show_body).
        status_bar.show()
        # What they ask for waits for the journal when only its first screen is shown.
        self.status_panel = StatusPanel(
            lambda walk: self._when_open(lambda: self.ask_follow_up(walk)),
            lambda walk: self._when_open(lambda: self.ask_morning(walk)),
        )
        self.view = JournalView()
        self.view.set_today(self.clock().date())
        self.listing = JournalListing(self.view, lambda: self.clock())
        self.view.filtersChanged.connect(self._filters_changed)
        self.view.list.editRequested.connect(
            lambda entry: self._when_open(lambda: self.edit_entry(entry))
        )
        self.view.list.deleteRequested.connect(
            lambda entry: self._when_open(lambda: self.delete_entry(entry))
        )
        self.reminder_bar = ReminderBar()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reminder_bar)
        layout.addWidget(self.status_panel)
        layout.addWidget(self.view, 1)
        body.hide()  # until it is filled: see _show_body
        self.journal_layout.addWidget(body)
        self._body = body

        self.reminders = Reminders(make_tray(self), self.reminder_bar, self)
        self.reminders.answerRequested.connect(
            lambda reminder: self._when_open(lambda: self.answer_reminder(reminder))
        )
        self.reminders.openRequested.connect(self.bring_back)
        self.reminders.quitRequested.connect(self.quit)
        self._built = True

    def _show_body(self) -> None:
        """The filled body in place of "Opening your journal…", at once (not in the next
        event-loop turn, as a widget added to a shown window would be).

        Shown once its rows and Today panel are in: showing it lays it out at its final
        size, and the list its rows once. Shown empty, then filled, the list laid its
        rows out three times before their first paint (~30 ms at start-up, issue 14)."""
        if self._body.isHidden():
            self.journal_layout.removeWidget(self.opening)
            self.opening.deleteLater()
            self._body.show()

    def _build_file_actions(self, journal: Journal) -> None:
        """What the File menu does (print, export, import, backups, settings)."""
        from sciajournal.ui.file_actions import FileActions

        self.files = FileActions(
            journal,
            lambda: self.clock().date(),
            self,
            shown_period=lambda: (self.view.range.preset.currentText(), *self.view.date_range()),
        )
        self.files.journalReplaced.connect(self._journal_replaced)
        self.files.changed.connect(self.refresh)
        self.files.dialogOpened.connect(self._track_dialog)
        self.files.told.connect(self.statusBar().showMessage)
        self.files.undoable.connect(self.undo_stack.push)  # imports from devices

    def is_open(self) -> bool:
        """Whether the window has its journal (False while it is still being opened)."""
        return self._opened

    def show_first_screen(self, reading: JournalReading) -> None:
        """The journal's rows and Today panel from `reading`, before the journal itself is
        open (app.py): what open_journal then shows from the journal, unchanged. Nothing
        that changes entries can be used until then: see the module docstring."""
        self.reading = reading
        if not self._built:
            self._build_body()
        self.tabs.setTabEnabled(1, False)  # the charts wait for the journal
        self.tabs.setEnabled(True)
        self.refresh()
        self._show_body()

    def open_journal(self, journal: Journal) -> None:
        """Show `journal` in the window, which may already be on screen, opening or
        showing its first screen."""
        self.journal = self.reading = journal
        if not self._built:
            self._build_body()
        # For every window and dialog of the app, once the journal can be used: nothing
        # is usable before, and its Qt classes cost the rows ~40 ms (issue 14).
        from sciajournal.ui.focus_ring import install_focus_ring

        install_focus_ring()
        for action, keys in self._shortcuts:  # not while they could not be used
            action.setShortcut(keys)
        self._shortcuts = []
        if hasattr(self, "files"):
            self.files.use_journal(journal)
        else:  # its dialogs' Qt classes cost the rows; nothing uses them before (issue 14)
            self._build_file_actions(journal)
        record_holder(journal.path, Holder.WINDOW)  # a refused command can say where we are
        self._opened = True
        self.tabs.setTabEnabled(1, True)
        for widget in (self.tabs, self.menuBar(), self.log_toolbar):
            widget.setEnabled(True)
        for action in self._journal_actions:
            action.setEnabled(True)
        self.follow_up_timer.start()
        self.refresh()
        self._show_body()
        waiting, self._waiting = self._waiting, []
        for asked in waiting:
            asked()

    def after_rows_painted(self, then: Callable[[], object]) -> None:
        """Call `then` in the event-loop turn after the journal's rows, or the words in
        their place when there are none, are next painted."""
        if self.view.list.isVisibleTo(self):
            self.view.list.after_next_paint(then)
        else:
            after_first_paint(self.view.empty, then)

    def _when_open(self, action: Callable[[], object]) -> None:
        """Do `action` now, or when the journal is open if only its first screen is shown."""
        if self._opened:
            action()
        else:
            self._waiting.append(action)

    # -- actions and menus ------------------------------------------------------------

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        self._journal_actions.append(action)
        if shortcut is not None:
            self._shortcuts.append((action, QKeySequence(shortcut)))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.log_walk_action = self._action("Log &walk…", "Ctrl+W", self.log_walk)
        self.log_pain_action = self._action("Log &pain…", "Ctrl+R", self.log_pain)
        self.log_treatment_action = self._action("Log &ice/heat…", "Ctrl+T", self.log_treatment)
        self.log_medication_action = self._action("Log &medication…", "Ctrl+M", self.log_medication)
        self.red_flag_action = self._action("&Red-flag check…", "Ctrl+Shift+F", self.log_red_flag)
        self.note_action = self._action("Add &note…", "Ctrl+N", self.add_note)
        self.bothersomeness_action = self._action(
            "Sciatica &bothersomeness (weekly)…", None, self.log_bothersomeness
        )
        self.activities_action = self._action(
            "&Activities I find hard (PSFS)…", None, self.rate_activities
        )
        log_actions = [
            self.log_walk_action,
            self.log_pain_action,
            self.log_treatment_action,
            self.log_medication_action,
            self.red_flag_action,
            self.note_action,
        ]
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setProperty(GUIDE_NAME, "Undo")  # its text names the last change
        self._shortcuts.append((self.undo_action, QKeySequence(QKeySequence.StandardKey.Undo)))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setProperty(GUIDE_NAME, "Redo")
        self._shortcuts.append((self.redo_action, QKeySequence(QKeySequence.StandardKey.Redo)))
        self.edit_action = self._action("&Edit entry…", None, self._edit_selected)
        self.delete_action = self._action("&Delete entry", None, self._delete_selected)

        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(
            self._action(
                "&Print summary…",
                QKeySequence.StandardKey.Print,
                lambda: self.files.print_summary(),
            )
        )
        file_menu.addAction(
            self._action("Save summary as P&DF…", None, lambda: self.files.save_summary())
        )
        file_menu.addSeparator()
        export_menu = file_menu.addMenu("&Export")  # the three formats, in a patient's words
        for text, export in (
            (
                "&Journal file (JSON) — everything, to move or restore…",
                lambda: self.files.export_journal(),
            ),
            (
                "&Spreadsheet (CSV, zip) — one table per kind plus a daily table…",
                lambda: self.files.export_spreadsheet(),
            ),
            ("For your &clinic (FHIR R4 JSON)…", lambda: self.files.export_for_clinic()),
        ):
            export_menu.addAction(self._action(text, None, export))
        file_menu.addAction(
            self._action(
                "&Import (journal export, GPX, TCX, Apple Health)…",
                None,
                lambda: self.files.import_journal(),
            )
        )
        file_menu.addAction(self._action("&Backups…", None, lambda: self.files.show_backups()))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "&Settings…",
                QKeySequence.StandardKey.Preferences,
                lambda: self.files.edit_settings(),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.quit))
        edit_menu = menus.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action, self.edit_action, self.delete_action):
            edit_menu.addAction(action)
        log_menu = menus.addMenu("&Log")
        log_menu.addActions(log_actions)
        log_menu.addSeparator()  # the weekly questionnaires, off the toolbar
        log_menu.addActions([self.bothersomeness_action, self.activities_action])
        help_menu = menus.addMenu("&Help")
        self.help_action = self._action("SciaJournal &guide", "F1", self.show_help)
        help_menu.addAction(self.help_action)
        help_menu.addAction(self._action("&About SciaJournal", None, self.show_about))

        toolbar = QToolBar("Log")
        toolbar.setObjectName("log-toolbar")
        toolbar.setMovable(False)
        toolbar.addActions(log_actions)
        self.addToolBar(toolbar)
        self.log_toolbar = toolbar

    def show_about(self) -> None:
        from sciajournal.ui.dialogs.about_dialog import show_about

        show_about(self, self.journal.path)

    def show_help(self) -> HelpDialog:
        """The guide, with this journal's settings and paths; one window, brought forward."""
        from sciajournal.ui.dialogs.help_dialog import HelpDialog, menu_shortcuts

        if self.help_dialog is not None:
            self.help_dialog.close()
            self.help_dialog.deleteLater()
        self.help_dialog = HelpDialog(
            self.settings, menu_shortcuts(self.menuBar()), self.journal.path, self
        )
        self.help_dialog.show()
        return self.help_dialog

    # -- refreshing -------------------------------------------------------------------

    def refresh(self) -> None:
        from sciajournal.service.journal_analysis_service import settings_of

        self.settings = settings_of(self.reading)
        self.listing.refresh(self.reading, self.settings)
        self.refresh_status()
        self._charts_stale = True
        if self.charts is not None and self.tabs.currentWidget() is self.charts:
            self.show_charts()

    def _filters_changed(self) -> None:
        if self._built:  # only the list changes: the status and charts stay as they are
            self.listing.refresh(self.reading, self.settings)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.show_charts()

    def show_charts(self) -> ChartsViewType:
        """Build the Charts tab on first use: importing pyqtgraph costs about a second."""
        if self.charts is None:
            from sciajournal.service.journal_analysis_service import analyse_journal
            from sciajournal.ui.charts.charts_view import ChartsView

            self.charts = ChartsView(
                lambda first, last: analyse_journal(self.journal, first, last, self.clock().date()),
                self._first_entry_day,
                lambda: self.clock().date(),
            )
            self.tabs.blockSignals(True)
            self.tabs.removeTab(1)
            self.tabs.insertTab(1, self.charts, "&Charts")
            self.tabs.setCurrentIndex(1)
            self.tabs.blockSignals(False)
            self._charts_stale = True
            mark_first_paint(self.charts, "charts")  # for benchmarks/bench_startup.py
        if self._charts_stale:
            self.charts.refresh()
            self._charts_stale = False
        return self.charts

    def _first_entry_day(self) -> date | None:
        from sciajournal.service.journal_analysis_service import first_entry_time

        earliest = first_entry_time(self.journal)
        return earliest.date() if earliest else None

    def refresh_status(self) -> None:
        from sciajournal.core.entities import BothersomenessCheck, PainRating
        from sciajournal.service.journal_analysis_service import today_for
        from sciajournal.service.journal_mirror import mirror_of
        from sciajournal.ui.reminder_schedule import RATINGS_LOOKBACK, reminders_due

        now = self.clock()
        # A window open past midnight (in the tray for days): "Last 30 days" ends today.
        self.view.set_today(now.date())
        status = today_for(self.reading, now)
        self.status_panel.show_status(status, self.settings, now)
        self._morning_walk = status.morning_rating_for
        # From the journal's copy in memory: a save re-reads only what it wrote.
        entries = mirror_of(self.reading)
        ratings = entries.collection(start=now - RATINGS_LOOKBACK, kinds=[PainRating]).pain
        # The latest check only (one row), not every weekly check of the journal.
        latest_check = entries.last_before(BothersomenessCheck)
        last_check = latest_check.at if isinstance(latest_check, BothersomenessCheck) else None
        self.reminders.update(
            reminders_due(self.settings, now, ratings, status.follow_ups, last_check)
        )

    def answer_reminder(self, reminder: Reminder) -> EntryForm:
        """Open the rating a reminder asks for (from the tray or the reminder bar)."""
        from sciajournal.core.enums import PainContext
        from sciajournal.ui.forms.pain_form import PainForm

        self.bring_back()
        if reminder.walk is not None:
            return self.ask_follow_up(reminder.walk)
        if reminder.kind == "bothersomeness":  # ReminderKind: a StrEnum, imported lazily
            return self.log_bothersomeness()
        if reminder.is_stale(self.clock()):  # last night's bedtime message, clicked at 9:00
            return self.log_pain()  # the time of day decides, as Ctrl+R then
        if reminder.context is PainContext.MORNING and self._morning_walk is not None:
            return self.ask_morning(self._morning_walk)  # also answers yesterday's walk
        form = PainForm(self, clock=self.clock, context=reminder.context)
        return self._open_form(form, self._add("Log pain"))

    def bring_back(self) -> None:
        """Show the window again (from the tray) in front of the others."""
        if self._opened:
            record_holder(self.journal.path, Holder.WINDOW)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- logging ----------------------------------------------------------------------

    def _open_form(self, form: EntryForm, on_saved: Callable[[list[Entry]], None]) -> EntryForm:
        """Show a form window-modally; on Save, hand its entries to `on_saved`."""
        form.accepted.connect(lambda: on_saved(form.result_entries))
        self._track_dialog(form)
        form.open()
        return form

    def _track_dialog(self, dialog: QDialog) -> None:
        """The dialog open over the window, until it closes (then it is freed)."""
        self.active_form = dialog
        dialog.finished.connect(lambda _result: self.form_closed(dialog))

    def _journal_replaced(self, journal: Journal) -> None:
        self.journal = self.reading = journal
        self.undo_stack.clear()  # its commands refer to the journal as it was
        self.refresh()

    def form_closed(self, form: QDialog) -> None:
        if self.active_form is form:
            self.active_form = None
        form.deleteLater()

    def _add(self, text: str) -> Callable[[list[Entry]], None]:
        from sciajournal.ui.undo_commands import AddEntries

        return lambda entries: self._perform(
            lambda: AddEntries(text, self.journal, entries, self.refresh), entries
        )

    def _perform(
        self,
        make_command: Callable[[], object],
        entries: list[Entry],
        replaced: Sequence[Entry] = (),
    ) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sciajournal.core.entities import RedFlagCheck
        from sciajournal.core.validation import ValidationError
        from sciajournal.storage.errors import JournalError

        try:
            command = make_command()
        except (ValidationError, JournalError) as error:
            QMessageBox.warning(self, "Not saved", f"Nothing was saved: {error}")
            return
        self.undo_stack.push(command)  # type: ignore[arg-type]
        for entry in entries:
            if isinstance(entry, RedFlagCheck) and entry.signs:
                self.show_red_flag_notice(entry)
        self._prompt_checklist_for_new_nerve_signs(entries, replaced)

    def _prompt_checklist_for_new_nerve_signs(
        self, entries: list[Entry], replaced: Sequence[Entry]
    ) -> None:
        """Open the red-flag checklist when a new nerve sign calls for it (what the rating
        recorded ticked in advance)."""
        from sciajournal.service.red_flag_checks import checklist_prompt_after_save

        prompt = checklist_prompt_after_save(self.journal, entries, replaced)
        if prompt is not None:
            # After the rating's form has finished closing, so the checklist is the one open.
            QTimer.singleShot(0, lambda: self.log_red_flag(prompt=prompt))

    # The forms are imported when first opened: see the module docstring.

    def log_walk(self) -> EntryForm:
        from sciajournal.ui.forms.walk_form import WalkForm, walks_starting_in

        form = WalkForm(
            self,
            clock=self.clock,
            distance_unit=self.settings.distance_unit,
            walks_between=walks_starting_in(self.journal),
        )
        return self._open_form(form, self._add("Log walk"))

    def log_pain(self) -> EntryForm:
        from sciajournal.ui.forms.pain_form import PainForm

        if self._morning_walk is not None:
            # The window is asking for this morning's rating: a quick Ctrl+R then is that
            # rating, or the walk before it stays without its next-morning comparison.
            return self.ask_morning(self._morning_walk)
        return self._open_form(PainForm(self, clock=self.clock), self._add("Log pain"))

    def ask_follow_up(self, walk: Walk) -> EntryForm:
        """The follow-up rating and how long pain stayed up: one form, one undoable step."""
        from sciajournal.core.entities import Walk
        from sciajournal.core.enums import PainContext
        from sciajournal.ui.forms.pain_form import PainForm

        current = self.journal.get(walk.id)
        walk = current if isinstance(current, Walk) else walk
        form = PainForm(self, clock=self.clock, walk=walk, context=PainContext.FOLLOW_UP)
        return self._open_form(form, self._replace("Log follow-up", [walk]))

    def _replace(self, text: str, old: list[Entry]) -> Callable[[list[Entry]], None]:
        """Save a form's entries in place of `old` (same ids updated), as one undo step."""
        from sciajournal.ui.undo_commands import EditEntries

        return lambda new: self._perform(
            lambda: EditEntries(text, self.journal, old, new, self.refresh), new, old
        )

    def ask_morning(self, walk: Walk) -> EntryForm:
        from sciajournal.core.enums import PainContext
        from sciajournal.ui.forms.pain_form import PainForm

        form = PainForm(self, clock=self.clock, walk=walk, context=PainContext.MORNING)
        return self._open_form(form, self._add("Log morning pain"))

    def log_treatment(self) -> EntryForm:
        from sciajournal.ui.forms.treatment_form import TreatmentForm

        return self._open_form(TreatmentForm(self, clock=self.clock), self._add("Log ice/heat"))

    def log_medication(self) -> EntryForm:
        from sciajournal.ui.forms.medication_form import MedicationForm

        form = MedicationForm(self, clock=self.clock, recent=self.journal.recent_medications())
        return self._open_form(form, self._add("Log medication"))

    def log_red_flag(self, prompt: ChecklistPrompt | None = None) -> EntryForm:
        from sciajournal.ui.forms.red_flag_form import RedFlagForm

        form = RedFlagForm(self, clock=self.clock, prompt=prompt)
        return self._open_form(form, self._add("Red-flag check"))

    def add_note(self) -> EntryForm:
        from sciajournal.ui.forms.note_form import NoteForm

        return self._open_form(NoteForm(self, clock=self.clock), self._add("Add note"))

    def log_bothersomeness(self) -> EntryForm:
        from sciajournal.ui.function_forms import bothersomeness_form

        form = bothersomeness_form(self, self.journal, self.clock)
        return self._open_form(form, self._add("Log sciatica bothersomeness"))

    def rate_activities(self) -> EntryForm:
        """Rate the activities, add or retire some: the list and the rating, one undo step."""
        from sciajournal.ui.function_forms import rating_form

        form, current = rating_form(self, self.journal, self.clock)
        return self._open_form(form, self._replace("Rate activities", current))

    def show_red_flag_notice(self, check: RedFlagCheck) -> RedFlagNotice:
        from sciajournal.ui.dialogs.red_flag_notice import RedFlagNotice

        notice = RedFlagNotice(check, self)
        self.red_flag_notice = notice
        notice.open()
        return notice

    # -- editing and deleting ---------------------------------------------------------

    def _edit_selected(self) -> None:
        entry = self.view.list.selected_entry()
        if entry is not None:
            self.edit_entry(entry)

    def _delete_selected(self) -> None:
        entry = self.view.list.selected_entry()
        if entry is not None:
            self.delete_entry(entry)

    def edit_entry(self, entry: Entry) -> EntryForm | None:
        from sciajournal.core.entities import (
            MedicationDose,
            Note,
            PainRating,
            RedFlagCheck,
            Treatment,
            Walk,
        )
        from sciajournal.core.enums import PainContext
        from sciajournal.core.kind_names import kind_name
        from sciajournal.ui.forms.medication_form import MedicationForm
        from sciajournal.ui.forms.note_form import NoteForm
        from sciajournal.ui.forms.pain_form import PainForm
        from sciajournal.ui.forms.red_flag_form import RedFlagForm
        from sciajournal.ui.forms.treatment_form import TreatmentForm
        from sciajournal.ui.forms.walk_form import WalkForm, walks_starting_in

        if isinstance(entry, PainRating) and entry.context in (
            PainContext.BEFORE_WALK,
            PainContext.END_OF_WALK,
        ):
            walk = self.journal.get(entry.walk_id or "")
            if isinstance(walk, Walk):
                entry = walk
        old: list[Entry] = [entry]
        form: EntryForm
        match entry:
            case Walk():
                own = [
                    p
                    for p in self.journal.collection(
                        kinds=[PainRating],
                        start=entry.start - timedelta(days=1),
                        end=entry.end + timedelta(days=1),
                    ).pain
                    if p.walk_id == entry.id
                ]
                before = next((p for p in own if p.context is PainContext.BEFORE_WALK), None)
                end = next((p for p in own if p.context is PainContext.END_OF_WALK), None)
                old += [r for r in (before, end) if r is not None]
                form = WalkForm(
                    self,
                    clock=self.clock,
                    distance_unit=self.settings.distance_unit,
                    existing=entry,
                    before=before,
                    end=end,
                    walks_between=walks_starting_in(self.journal),
                )
            case PainRating():
                walk = self.journal.get(entry.walk_id) if entry.walk_id else None
                if entry.context is PainContext.FOLLOW_UP and isinstance(walk, Walk):
                    old.append(walk)  # the form also asks how long pain stayed up
                    form = PainForm(self, clock=self.clock, existing=entry, walk=walk)
                else:
                    form = PainForm(self, clock=self.clock, existing=entry)
            case Treatment():
                form = TreatmentForm(self, clock=self.clock, existing=entry)
            case MedicationDose():
                form = MedicationForm(self, clock=self.clock, existing=entry)
            case RedFlagCheck():
                form = RedFlagForm(self, clock=self.clock, existing=entry)
            case Note():
                form = NoteForm(self, clock=self.clock, existing=entry)
            case _:
                from sciajournal.ui.function_forms import edit_form

                function_form = edit_form(self, self.journal, entry, self.clock)
                if function_form is None:
                    return None
                form = function_form

        return self._open_form(form, self._replace(f"Edit {kind_name(entry)}", old))

    def delete_entry(self, entry: Entry) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sciajournal.core.kind_names import kind_name
        from sciajournal.storage.errors import JournalError
        from sciajournal.ui.undo_commands import DeleteEntry

        label = kind_name(entry)
        try:
            command = DeleteEntry(f"Delete {label}", self.journal, entry.id, self.refresh)
        except JournalError as error:
            QMessageBox.warning(self, "Not deleted", str(error))
            return
        self.undo_stack.push(command)
        # A walk takes its own ratings with it: say so, or "latest pain" changes unexplained.
        ratings = sum(1 for gone in command.deleted if gone.id != entry.id)
        also = f" and its {ratings} pain rating{'s' if ratings != 1 else ''}" if ratings else ""
        kept = ", ".join(r.at.strftime("%H:%M") for r in command.kept)
        if kept:  # logged on their own: kept, and said so (Journal.delete)
            also += f"; kept your rating{'s' if len(command.kept) > 1 else ''} of {kept}"
        self.statusBar().showMessage(f"Deleted the {label}{also}. Press Ctrl+Z to undo.", 8000)

    # -- settings, exchange, geometry -------------------------------------------------

    def _restore_geometry(self) -> None:
        stored = QSettings().value("main_window/geometry")
        if isinstance(stored, QByteArray) and self.restoreGeometry(stored):
            return
        self.resize(QSize(1100, 720).boundedTo(available_size(self)))

    def quit(self) -> None:
        """File > Quit and the tray's Quit: really end, even when closing keeps it in the tray."""
        self._quitting = True
        in_tray = self.isHidden()
        self.close()
        if in_tray:
            QApplication.quit()  # no visible window closes, so Qt would not end the app itself

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        keep_in_tray = self._opened and self.settings.keep_running_in_tray
        if keep_in_tray and self.reminders.has_tray and not self._quitting:
            event.ignore()
            self.hide()
            record_holder(self.journal.path, Holder.TRAY)
            self.reminders.announce(
                "SciaJournal is still running",
                "Reminders will come here. Quit from this icon's menu.",
            )
            return
        self.follow_up_timer.stop()
        if self._built:  # closed while the journal was still being opened: no tray yet
            self.reminders.hide_tray()
        if self._opened:  # nor anything held
            clear_holder(self.journal.path)
        super().closeEvent(event)
