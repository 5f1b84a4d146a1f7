package org.zeri.core

import java.nio.file.Files
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.zeri.shared.DraftEvent
import org.zeri.shared.Event
import org.zeri.shared.Language
import org.zeri.shared.LifecycleEvent
import org.zeri.shared.LinkEvent
import org.zeri.shared.MyComplaintsEvent
import org.zeri.shared.MyDataEvent
import org.zeri.shared.NavigationEvent
import org.zeri.shared.OutboxState
import org.zeri.shared.Screen
import org.zeri.shared.SettingsEvent
import org.zeri.shared.ViewModel

/** The Kotlin core bridge against the real Rust library and a real server process. */
class CoreTest {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val storeDir = Files.createTempDirectory("zeri-store").toFile()
    private val closing = mutableListOf<AutoCloseable>()

    @AfterEach
    fun tearDown() {
        closing.reversed().forEach { it.close() }
        scope.cancel()
        storeDir.deleteRecursively()
    }

    private fun <T : AutoCloseable> T.closedAfter(): T = also { closing += it }

    private val tray = RecordingNotifier()

    /** The files the core offered the citizen to keep. */
    private val exported = java.util.concurrent.CopyOnWriteArrayList<org.zeri.shared.ExportOperation>()

    private fun newCore() = Core(FileKeyValueStore(storeDir), scope, tray, exporter = { exported += it }).closedAfter()

    private fun Core.awaitView(what: String, condition: (ViewModel) -> Boolean): ViewModel = runBlocking {
        try {
            withTimeout(30.seconds) { viewModel.first(condition) }
        } catch (timeout: Exception) {
            val view = viewModel.value
            throw AssertionError(
                "waited for $what; screen ${view.screen}, notice ${view.notice}, pending ${view.myComplaints.pending}, " +
                    "sent ${view.myComplaints.items.size}, draft problem ${view.draft.contactError}; failure ${failure.value}",
                timeout,
            )
        }
    }

    /** A citizen's first launch, then a complaint drafted and submitted. */
    private fun Core.fileComplaint(server: String, word: String) {
        send(Event.Lifecycle(LifecycleEvent.Started(server, false)))
        awaitView("the welcome screen") { it.screen == Screen.WELCOME || it.screen == Screen.HOME }
        send(Event.Settings(SettingsEvent.WelcomeFinished))
        send(Event.Navigation(NavigationEvent.NavigateTo(Screen.NEWCOMPLAINT)))
        send(Event.Draft(DraftEvent.CategorySelected("waste_collection")))
        send(Event.Draft(DraftEvent.DescriptionChanged("The bins near the market have not been emptied for ten days ($word).")))
        send(Event.Draft(DraftEvent.MunicipalitySelected("gjilan")))
        send(Event.Draft(DraftEvent.AnonymousToggled(true)))
        awaitView("the draft") { it.draft.description.value.contains(word) && it.draft.location.summary != null }
        send(Event.Draft(DraftEvent.SubmitTapped))
    }

    private fun Core.awaitDelivered(word: String) = awaitView("the complaint delivered") { view ->
        view.myComplaints.pending.isEmpty() && view.myComplaints.items.isNotEmpty()
    }

    @Test
    fun `a complaint drafted in Kotlin reaches the server once`() {
        val server = ZeriServer().closedAfter()
        val core = newCore()
        core.fileComplaint(server.url, "kotlinfirst")
        val view = core.awaitDelivered("kotlinfirst")
        assertTrue(view.myComplaints.items.single().trackingCode.startsWith("ZR-"))
        assertEquals(1, server.complaintsMentioning("kotlinfirst"))
    }

    @Test
    fun `offline then online delivers exactly once`() {
        val port = ZeriServer.freePort()
        val core = newCore()
        core.fileComplaint("http://127.0.0.1:$port", "kotlinoffline")
        core.awaitView("the complaint queued") { view ->
            view.myComplaints.pending.any { it.state == OutboxState.QUEUED || it.state == OutboxState.SENDING }
        }
        val server = ZeriServer(port).closedAfter()
        core.send(Event.Lifecycle(LifecycleEvent.NetworkOnline))
        core.awaitDelivered("kotlinoffline")
        core.send(Event.Lifecycle(LifecycleEvent.NetworkOnline))
        core.send(Event.MyComplaints(MyComplaintsEvent.RefreshRequested))
        Thread.sleep(500)
        assertEquals(1, server.complaintsMentioning("kotlinoffline"))
    }

    @Test
    fun `a new Core on the same store resumes the queue`() {
        val port = ZeriServer.freePort()
        val first = Core(FileKeyValueStore(storeDir), scope, tray)
        first.fileComplaint("http://127.0.0.1:$port", "kotlinrestart")
        first.awaitView("the complaint queued") { view -> view.myComplaints.pending.isNotEmpty() || view.home.outboxSummary != null }
        Thread.sleep(300)
        first.close()

        val server = ZeriServer(port).closedAfter()
        val second = newCore()
        second.send(Event.Lifecycle(LifecycleEvent.Started(server.url, false)))
        second.awaitDelivered("kotlinrestart")
        assertEquals(1, server.complaintsMentioning("kotlinrestart"))
    }

    @Test
    fun `a link goes to the core as it came`() {
        val server = ZeriServer().closedAfter()
        val core = newCore()
        core.fileComplaint(server.url, "kotlinlink")
        val id = core.awaitDelivered("kotlinlink").myComplaints.items.single().id
        core.send(Event.Link(LinkEvent.Opened("zeri://nowhere/$id")))
        core.send(Event.Link(LinkEvent.Opened("zeri://complaint/$id")))
        val view = core.awaitView("the complaint opened by its link") { it.screen == Screen.COMPLAINTDETAIL }
        assertEquals(id, view.detail?.id)
    }

    @Test
    fun `a reply from staff is shown once as a notification whose tap opens the complaint`() {
        val server = ZeriServer().closedAfter()
        val core = newCore()
        core.fileComplaint(server.url, "kotlinnotified")
        core.awaitDelivered("kotlinnotified")
        assertEquals(1, tray.permissionAsks.size, "asked once, on the first complaint")
        assertEquals("complaint_updates", tray.permissionAsks.single().id)
        core.send(Event.MyComplaints(MyComplaintsEvent.RefreshRequested))
        core.awaitView("the complaint as the server has it") { !it.myComplaints.refreshing }
        assertTrue(tray.shown.isEmpty(), "filing tells nothing: ${tray.shown}")

        val token = server.login("gjilan.staff")
        val inbox = server.staffCall("/api/v1/staff/complaints?q=kotlinnotified", token = token)
        val id = Regex("\"id\":\"([0-9a-f-]{36})\"").find(inbox)!!.groupValues[1]
        server.staffCall(
            "/api/v1/staff/complaints/$id/actions",
            """{"action":"reply","text":"A truck comes on Thursday."}""",
            token,
        )
        core.send(Event.Lifecycle(LifecycleEvent.WokenInBackground))
        runBlocking { withTimeout(30.seconds) { while (tray.shown.isEmpty()) kotlinx.coroutines.delay(50) } }
        val shown = tray.shown.single()
        assertTrue(shown.title.endsWith("u përgjigj"), shown.title) // in the app's first language, Albanian
        assertEquals("A truck comes on Thursday.", shown.body)
        assertEquals("zeri://complaint/$id", shown.link)
        assertEquals(id, shown.id)

        core.send(Event.Lifecycle(LifecycleEvent.Foregrounded))
        core.awaitView("a second refresh") { !it.myComplaints.refreshing }
        Thread.sleep(300)
        assertEquals(1, tray.shown.size, "told once")
        core.send(Event.Link(LinkEvent.Opened(shown.link)))
        val view = core.awaitView("the complaint opened from its notification") { it.screen == Screen.COMPLAINTDETAIL }
        assertEquals(id, view.detail?.id)
    }

    @Test
    fun `the citizen reads and saves their data, takes their contact back and erases it all`() {
        val server = ZeriServer().closedAfter()
        val core = newCore()
        core.send(Event.Lifecycle(LifecycleEvent.Started(server.url, false)))
        core.awaitView("the welcome screen") { it.screen == Screen.WELCOME || it.screen == Screen.HOME }
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.ENGLISH)))
        core.send(Event.Settings(SettingsEvent.WelcomeFinished))
        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.NEWCOMPLAINT)))
        core.send(Event.Draft(DraftEvent.CategorySelected("waste_collection")))
        core.send(Event.Draft(DraftEvent.DescriptionChanged("The containers by the stadium overflow (kotlinrights).")))
        core.send(Event.Draft(DraftEvent.MunicipalitySelected("gjilan")))
        core.send(Event.Draft(DraftEvent.AnonymousToggled(false)))
        core.send(Event.Draft(DraftEvent.ContactNameChanged("Drilon Kotlini")))
        core.send(Event.Draft(DraftEvent.ContactPhoneChanged("+38344555666")))
        core.awaitView("the draft") { it.draft.contactName.value == "Drilon Kotlini" && it.draft.location.summary != null }
        core.send(Event.Draft(DraftEvent.SubmitTapped))
        val id = core.awaitDelivered("kotlinrights").myComplaints.items.single().id

        core.send(Event.MyData(MyDataEvent.Opened))
        val data = core.awaitView("what the server holds") { it.screen == Screen.MYDATA && it.myData.complaints.isNotEmpty() }
        val rows = data.myData.complaints.single().rows
        assertEquals("Drilon Kotlini, +38344555666", rows.single { it.label == "Contact details" }.value)
        core.send(Event.MyData(MyDataEvent.ExportTapped))
        runBlocking { withTimeout(10.seconds) { while (exported.isEmpty()) kotlinx.coroutines.delay(20) } }
        assertEquals("application/json", exported.single().mediaType)
        assertTrue(exported.single().text.contains("Drilon Kotlini"))

        core.send(Event.Navigation(NavigationEvent.ComplaintOpened(id)))
        core.awaitView("the contact held") { it.detail?.contact?.removeLabel != null }
        core.send(Event.MyData(MyDataEvent.RemoveContactTapped(id)))
        core.awaitView("the contact removed") { view ->
            view.detail?.contact?.let { it.removeLabel == null && it.pending == null } == true && view.myComplaints.pending.isEmpty()
        }

        core.send(Event.MyData(MyDataEvent.Opened))
        core.send(Event.MyData(MyDataEvent.EraseTapped))
        core.awaitView("asked first") { it.myData.erase.confirm != null }
        core.send(Event.MyData(MyDataEvent.EraseConfirmed))
        val erased = core.awaitView("erased") { it.myComplaints.items.isEmpty() && it.myComplaints.pending.isEmpty() && it.myData.empty != null }
        val told = erased.notice!!.text
        assertTrue(told.contains("no longer belong"), told)
        assertEquals(1, server.complaintsMentioning("kotlinrights"), "the institution keeps the complaint")
    }

    @Test
    fun `the view model speaks the chosen language`() {
        val core = newCore()
        core.send(Event.Lifecycle(LifecycleEvent.Started("http://127.0.0.1:9", false)))
        core.awaitView("the welcome screen") { it.screen == Screen.WELCOME }
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.ALBANIAN)))
        val albanian = core.awaitView("Albanian") { it.language == Language.ALBANIAN }
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.SERBIANCYRILLIC)))
        val cyrillic = core.awaitView("Serbian Cyrillic") { it.language == Language.SERBIANCYRILLIC }
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.ENGLISH)))
        val english = core.awaitView("English") { it.language == Language.ENGLISH }
        assertEquals("Continue", english.welcome.continueLabel)
        assertEquals("Vazhdo", albanian.welcome.continueLabel)
        assertTrue(cyrillic.welcome.continueLabel.all { it !in 'a'..'z' && it !in 'A'..'Z' }, cyrillic.welcome.continueLabel)
    }

    @Test
    fun `malformed bytes from the shell are a failure value, not a crash`() {
        val core = newCore()
        core.sendEncoded(byteArrayOf(0x7f, 0x01, 0x02))
        val failure = runBlocking { withTimeout(10.seconds) { core.failure.first { it != null } } }
        assertNotNull(failure)
        assertEquals(CoreFailure.Kind.INVALID_EVENT, failure!!.kind)
        core.send(Event.Lifecycle(LifecycleEvent.Started("http://127.0.0.1:9", false)))
        core.awaitView("the app still working") { it.screen == Screen.WELCOME }
    }
}
