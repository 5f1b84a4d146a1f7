// Previews fed by view models the real core produced (ZeriCore's Samples), in each language.
import SharedTypes
import SwiftUI
import ZeriCore

#Preview("First launch") {
    WelcomeScreen(view: Samples.welcome().welcome, send: { _ in })
}

#Preview("Home, Albanian") {
    HomeScreen(view: Samples.home(.albanian).home, send: { _ in })
}

#Preview("Home, Serbian Cyrillic") {
    HomeScreen(view: Samples.home(.serbianCyrillic).home, send: { _ in })
}

#Preview("New complaint") {
    NavigationStack { DraftScreen(view: Samples.draft().draft, send: { _ in }) }
}

#Preview("New complaint, large text") {
    NavigationStack { DraftScreen(view: Samples.draft().draft, send: { _ in }) }
        .dynamicTypeSize(.accessibility3)
}

#Preview("New complaint, location off") {
    NavigationStack { DraftScreen(view: Samples.locationOff().draft, send: { _ in }) }
}

#Preview("A trainer's server link") {
    let view = Samples.serverOffered()
    HomeScreen(view: view.home, send: { _ in })
        .serverOfferAlert(view.serverOffer, send: { _ in })
}

#Preview("Queued while offline") {
    MyComplaintsScreen(view: Samples.queued().myComplaints, send: { _ in })
}

#Preview("Settings, dark") {
    SettingsScreen(view: Samples.settings().settings, send: { _ in })
        .preferredColorScheme(.dark)
}

#Preview("Pin on the map") {
    MapPinSheet(view: Samples.draft().draft.location.map) { _, _ in }
}

#Preview("A question from the institution") {
    NavigationStack { DetailScreen(view: Samples.question().detail!, send: { _ in }) }
}

#Preview("A question, Serbian Cyrillic") {
    NavigationStack { DetailScreen(view: Samples.question(.serbianCyrillic).detail!, send: { _ in }) }
}

#Preview("Your data") {
    NavigationStack { MyDataScreen(view: Samples.myData().myData, send: { _ in }) }
}

#Preview("Your data, Serbian Cyrillic") {
    NavigationStack { MyDataScreen(view: Samples.myData(.serbianCyrillic).myData, send: { _ in }) }
}
