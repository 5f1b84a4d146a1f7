package org.zeri.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.unit.Density
import java.io.File
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.jetbrains.skia.EncodedImageFormat
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.zeri.core.Core
import org.zeri.core.MemoryKeyValueStore
import org.zeri.core.RecordingNotifier
import org.zeri.core.ZeriServer
import org.zeri.shared.DraftEvent
import org.zeri.shared.Event
import org.zeri.shared.GpsProblem
import org.zeri.shared.Language
import org.zeri.shared.LifecycleEvent
import org.zeri.shared.LinkEvent
import org.zeri.shared.MyComplaintsEvent
import org.zeri.shared.MyDataEvent
import org.zeri.shared.NavigationEvent
import org.zeri.shared.Screen
import org.zeri.shared.SettingsEvent
import org.zeri.shared.StatusCode
import org.zeri.shared.ViewModel

/**
 * Every screen of the app, drawn by the real screens from view models the real core produced
 * against a real server, as a phone (412 × 915 dp) would show them, and compared with its
 * golden image in docs/android ([Goldens]). The renderings, and the diff of any that changed,
 * go to the module's target/screenshots; `ZERI_UPDATE_GOLDENS=1` records them as the new
 * goldens instead. The server's tracking codes and times are pinned ([PinnedFacts]) and the
 * phone's clock starts at a fixed time, so a screen draws the same on every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreensTest {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private lateinit var server: ZeriServer
    private lateinit var core: Core
    private val rendered = mutableMapOf<String, ByteArray>()
    private val goldens = Goldens(
        goldens = File(System.getProperty("zeri.goldens") ?: "../../docs/android").canonicalFile,
        output = File(System.getProperty("zeri.screenshots") ?: "target/screenshots"),
        update = System.getenv("ZERI_UPDATE_GOLDENS").let { !it.isNullOrEmpty() && it != "0" },
    )

    @BeforeAll
    fun start() {
        server = ZeriServer()
        core = Core(MemoryKeyValueStore(), scope, RecordingNotifier(), http = PinnedFacts(localServer = server.url), now = PinnedFacts.phoneClock())
    }

    @AfterAll
    fun stop() {
        core.close()
        server.close()
        scope.cancel()
    }

    private fun awaitView(condition: (ViewModel) -> Boolean): ViewModel =
        runBlocking { withTimeout(30.seconds) { core.viewModel.first(condition) } }

    private fun render(
        name: String,
        view: ViewModel,
        dark: Boolean = false,
        fontScale: Float = 1f,
        height: Int = 915,
        content: (@Composable () -> Unit)? = null,
    ): ByteArray {
        val density = 2f
        val scene = ImageComposeScene(
            width = (412 * density).toInt(),
            height = (height * density).toInt(),
            density = Density(density, fontScale),
        ) {
            if (content != null) ZeriTheme(dark = dark) { content() } else Screen(view, dark)
        }
        val png = try {
            scene.render(0)
            scene.render(1_000_000_000)
            scene.render(2_000_000_000).encodeToData(EncodedImageFormat.PNG)!!.bytes
        } finally {
            scene.close()
        }
        rendered[name] = png
        goldens.check(name, png)
        return png
    }

    @Composable
    private fun Screen(view: ViewModel, dark: Boolean) {
        ZeriTheme(dark = dark) { ZeriApp(view, onEvent = {}) }
    }

    /** Asks the citizen a question about their complaint, as the institution would. */
    private fun askAsStaff(word: String, question: String) {
        val token = server.login()
        val inbox = server.staffCall("/api/v1/staff/complaints?q=$word", token = token)
        val id = Regex("\"id\":\"([0-9a-f-]+)\"").find(inbox)!!.groupValues[1]
        server.staffCall("/api/v1/staff/complaints/$id/actions", """{"action":"ask","text":"$question"}""", token)
    }

    /** Answers and resolves the citizen's complaint as the institution would, through the staff API. */
    private fun resolveAsStaff(word: String) {
        val token = server.login()
        val inbox = server.staffCall("/api/v1/staff/complaints?q=$word", token = token)
        val id = Regex("\"id\":\"([0-9a-f-]+)\"").find(inbox)!!.groupValues[1]
        val actions = "/api/v1/staff/complaints/$id/actions"
        server.staffCall(actions, """{"action":"reply","text":"A crew will empty the bins on Thursday."}""", token)
        server.staffCall(actions, """{"action":"resolve","reason":"The bins were emptied and the schedule fixed."}""", token)
    }

    /**
     * A trainer's link, on a release build for zeri.example (whose host the question names, so
     * it is a second core, not the one talking to the local server on a changing port).
     */
    private fun renderServerOffer() {
        val phone = Core(MemoryKeyValueStore(), scope, RecordingNotifier(), http = PinnedFacts(), now = PinnedFacts.phoneClock())
        try {
            phone.send(Event.Lifecycle(LifecycleEvent.Started("https://zeri.example", false)))
            phone.send(Event.Link(LinkEvent.Opened("zeri://server?url=https://training.zeri.example")))
            val view = runBlocking { withTimeout(30.seconds) { phone.viewModel.first { it.serverOffer != null } } }
            render("server-offer", view) { ServerOfferDialog(view.serverOffer!!, onEvent = {}) }
        } finally {
            phone.close()
        }
    }

    @Test
    fun `every screen renders from the core's view models, in every language and theme`() {
        core.send(Event.Lifecycle(LifecycleEvent.Started(PinnedFacts.PUBLIC_ADDRESS, false)))
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.ENGLISH)))
        render("welcome", awaitView { it.screen == Screen.WELCOME && it.language == Language.ENGLISH })

        core.send(Event.Settings(SettingsEvent.WelcomeFinished))
        render("home", awaitView { it.screen == Screen.HOME })

        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.NEWCOMPLAINT)))
        core.send(Event.Draft(DraftEvent.CategorySearchChanged("waste")))
        core.send(Event.Draft(DraftEvent.CategorySelected("waste_collection")))
        core.send(Event.Draft(DraftEvent.DescriptionChanged("The bins near the market have not been emptied for ten days (androidscreens).")))
        core.send(Event.Draft(DraftEvent.MunicipalitySelected("gjilan")))
        core.send(Event.Draft(DraftEvent.ContactPhoneChanged("+383 44 123 456")))
        val draft = awaitView { it.draft.location.summary != null && it.draft.contactPhone.value.isNotEmpty() }
        render("new-complaint", draft, height = 1400)
        render("map-pin", draft) { MapPinPicker(draft.draft.location.map, MapTiles.None, { _, _ -> }, {}) }
        render("new-complaint-large-font", draft, fontScale = 2f, height = 1400)
        core.send(Event.Draft(DraftEvent.GpsUnavailable(GpsProblem.SWITCHEDOFF)))
        render("new-complaint-location-off", awaitView { it.draft.location.gpsSettings != null }, height = 1400)

        core.send(Event.Draft(DraftEvent.SubmitTapped))
        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.MYCOMPLAINTS)))
        render("my-complaints", awaitView { it.screen == Screen.MYCOMPLAINTS && it.myComplaints.items.isNotEmpty() && it.myComplaints.pending.isEmpty() })

        askAsStaff("androidscreens", "Which entrance of the market is it, the north or the south one?")
        core.send(Event.MyComplaints(MyComplaintsEvent.RefreshRequested))
        val asked = awaitView { view -> view.myComplaints.items.any { it.status == StatusCode.WAITINGFORCITIZEN } }
        core.send(Event.Navigation(NavigationEvent.ComplaintOpened(asked.myComplaints.items.first().id)))
        val question = awaitView { it.screen == Screen.COMPLAINTDETAIL && it.detail?.message?.question != null }
        render("complaint-question", question, height = 1300)
        core.send(Event.MyComplaints(MyComplaintsEvent.MessageSubmitted(question.detail!!.id, "The south one, by the bus stop.")))
        awaitView { view -> view.myComplaints.pending.isEmpty() && view.detail?.status == StatusCode.RECEIVED }
        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.MYCOMPLAINTS)))

        resolveAsStaff("androidscreens")
        core.send(Event.MyComplaints(MyComplaintsEvent.RefreshRequested))
        val refreshed = awaitView { view -> view.myComplaints.items.any { it.statusLabel == "Resolved" } }
        core.send(Event.Navigation(NavigationEvent.ComplaintOpened(refreshed.myComplaints.items.first().id)))
        val detail = awaitView { it.screen == Screen.COMPLAINTDETAIL && it.detail?.rating != null }
        render("complaint-detail", detail, height = 1200)
        render("complaint-detail-dark", detail, dark = true, height = 1200)

        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.SETTINGS)))
        render("settings", awaitView { it.screen == Screen.SETTINGS })
        core.send(Event.MyData(MyDataEvent.Opened))
        val myData = awaitView { it.screen == Screen.MYDATA && it.myData.complaints.isNotEmpty() }
        render("my-data", myData, height = 1500)
        core.send(Event.MyData(MyDataEvent.EraseTapped))
        render("my-data-erase", awaitView { it.myData.erase.confirm != null })
        core.send(Event.MyData(MyDataEvent.EraseCancelled))
        awaitView { it.myData.erase.confirm == null }
        renderServerOffer()

        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.ALBANIAN)))
        core.send(Event.Navigation(NavigationEvent.NavigateTo(Screen.HOME)))
        render("home-sq", awaitView { it.screen == Screen.HOME && it.language == Language.ALBANIAN })
        core.send(Event.Settings(SettingsEvent.LanguageSelected(Language.SERBIANCYRILLIC)))
        render("home-sr-cyrl", awaitView { it.screen == Screen.HOME && it.language == Language.SERBIANCYRILLIC })

        assertTrue(rendered.values.all { it.size > 10_000 }, "every screen drew something")
        assertFalse(rendered["home"]!!.contentEquals(rendered["home-sq"]!!), "the language changes the screen")
        assertFalse(rendered["complaint-detail"]!!.contentEquals(rendered["complaint-detail-dark"]!!), "so does the theme")
        goldens.assertAllMatch()
    }
}
