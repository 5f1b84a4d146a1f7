// The screens that only show and choose: first launch, home, settings, my complaints, a complaint.
import SharedTypes
import PhotosUI
import SwiftUI

struct WelcomeScreen: View {
    let view: WelcomeView
    let send: (Event) -> Void

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) {
                Text(view.title).font(.largeTitle.bold()).accessibilityAddTraits(.isHeader)
                Text(view.intro)
                Text(view.privacyTitle).font(.headline).accessibilityAddTraits(.isHeader)
                Text(view.privacyText)
                LanguageChoice(label: view.languageLabel, options: view.languages, send: send)
                Button(view.continueLabel) { send(.settings(.welcomeFinished)) }
                    .buttonStyle(.borderedProminent)
                    .frame(maxWidth: .infinity)
            }
            .padding()
        }
    }
}

struct LanguageChoice: View {
    let label: String
    let options: [LanguageOption]
    let send: (Event) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(label).font(.headline).accessibilityAddTraits(.isHeader)
            ForEach(options, id: \.label) { option in
                Button { send(.settings(.languageSelected(language: option.language))) } label: {
                    Label(option.label, systemImage: option.selected ? "largecircle.fill.circle" : "circle")
                }
                .accessibilityAddTraits(option.selected ? .isSelected : [])
            }
        }
    }
}

struct HomeScreen: View {
    let view: HomeView
    let send: (Event) -> Void

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) {
                Text(view.title).font(.title.bold()).accessibilityAddTraits(.isHeader)
                Text(view.intro)
                if let summary = view.outboxSummary { Text(summary).foregroundStyle(.tint) }
                Button(view.newComplaintLabel) { send(.navigation(.navigateTo(screen: .newComplaint))) }
                    .buttonStyle(.borderedProminent)
                Button(view.myComplaintsLabel) { send(.navigation(.navigateTo(screen: .myComplaints))) }
                    .buttonStyle(.bordered)
            }
            .padding()
        }
    }
}

struct SettingsScreen: View {
    let view: SettingsView
    let send: (Event) -> Void

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 16) {
                LanguageChoice(label: view.languageLabel, options: view.languages, send: send)
                Text(view.privacyTitle).font(.headline).accessibilityAddTraits(.isHeader)
                Text(view.privacyText)
                if let url = URL(string: view.privacyNoticeUrl) {
                    Link(view.privacyNoticeLabel, destination: url)
                }
                Button(view.myDataLabel) { send(.myData(.opened)) }
                    .buttonStyle(.bordered)
                if let server = view.server {
                    Text(server.text)
                    Button(server.resetLabel) { send(.settings(.officialServerChosen)) }
                }
            }
            .padding()
        }
    }
}

struct MyComplaintsScreen: View {
    let view: MyComplaintsView
    let send: (Event) -> Void

    var body: some View {
        List {
            Button(view.refreshLabel) { send(.myComplaints(.refreshRequested)) }.disabled(view.refreshing)
            if !view.pending.isEmpty {
                Section(view.pendingTitle) {
                    ForEach(view.pending, id: \.id) { item in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(item.title).font(.headline)
                            Text(item.summary)
                            Text(item.stateLabel).foregroundStyle(.tint)
                            if let error = item.error { Text(error).foregroundStyle(.red) }
                            HStack {
                                if let label = item.retryLabel { Button(label) { send(.outbox(.retryTapped(id: item.id))) } }
                                if let label = item.editLabel { Button(label) { send(.outbox(.editTapped(id: item.id))) } }
                                if let label = item.discardLabel { Button(label, role: .destructive) { send(.outbox(.discardTapped(id: item.id))) } }
                            }
                            .buttonStyle(.borderless)
                        }
                    }
                }
            }
            if let empty = view.emptyText { Text(empty) }
            ForEach(view.items, id: \.id) { card in
                Button { send(.navigation(.complaintOpened(id: card.id))) } label: {
                    VStack(alignment: .leading, spacing: 2) {
                        Text(card.category).font(.headline)
                        Text(card.institution).font(.subheadline)
                        Text("\(card.trackingCode) · \(card.statusLabel)")
                        Text(card.dueLabel).font(.caption).foregroundStyle(card.overdue ? .red : .secondary)
                        Text(card.updatedLabel).font(.caption).foregroundStyle(.secondary)
                    }
                }
                .accessibilityValue(card.statusLabel)
            }
        }
    }
}

struct DetailScreen: View {
    let view: ComplaintDetailView
    let send: (Event) -> Void
    @State private var stars = 0
    @State private var comment = ""
    @State private var reason = ""
    @State private var message = ""
    @State private var messagePhoto: PhotosPickerItem?

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 12) {
                Text(view.category).font(.title2.bold()).accessibilityAddTraits(.isHeader)
                Text("\(view.trackingCodeLabel): \(view.trackingCode)")
                Text(view.statusLabel).font(.headline).foregroundStyle(.tint)
                Text(view.dueLabel).foregroundStyle(view.overdue ? .red : .primary)
                Text("\(view.institutionLabel): \(view.institution)")
                Text(view.explanation).foregroundStyle(.secondary)
                ContactSection(id: view.id, contact: view.contact, send: send)
                if let access = view.webAccess { WebAccessSection(access: access) }
                if let form = view.message { messageForm(form) }
                if let rating = view.rating { ratingForm(rating) }
                if let reopen = view.reopen { reopenForm(reopen) }
                Text(view.timelineTitle).font(.headline).accessibilityAddTraits(.isHeader)
                ForEach(Array(view.timeline.enumerated()), id: \.offset) { _, item in
                    VStack(alignment: .leading, spacing: 2) {
                        Text(item.timeLabel).font(.caption).foregroundStyle(.secondary)
                        Text(item.title)
                        if let text = item.text { Text(text).font(.callout) }
                    }
                    .accessibilityElement(children: .combine)
                }
            }
            .padding()
        }
        .onAppear { stars = Int(view.rating?.currentStars ?? 0) }
        .onChange(of: messagePhoto) { _, item in
            guard let item else { return }
            Task {
                if let data = try? await item.loadTransferable(type: Data.self), let jpeg = compressedJPEG(data) {
                    send(.myComplaints(.messagePhotoAdded(id: view.id, jpeg: jpeg)))
                }
                messagePhoto = nil
            }
        }
        // The text is cleared once the core has queued the message, not on a refusal.
        .onChange(of: view.message?.pending.count ?? 0) { before, after in
            if after > before { message = "" }
        }
    }

    /// Writing to the institution: its question, if it asked one, then the answer or addition.
    private func messageForm(_ form: MessageFormView) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            if let question = form.question { Text(question).font(.headline) }
            Text(form.prompt)
            TextField(form.textLabel, text: $message, axis: .vertical).lineLimit(3...6)
            ForEach(Array(form.photos.enumerated()), id: \.offset) { index, photo in
                HStack {
                    Text(photo.label)
                    Spacer()
                    Button(photo.removeLabel, role: .destructive) {
                        send(.myComplaints(.messagePhotoRemoved(id: view.id, index: UInt32(index))))
                    }
                }
            }
            if form.canAddPhoto {
                PhotosPicker(selection: $messagePhoto, matching: .images) { Text(form.addPhotoLabel) }
            }
            ForEach(form.pending, id: \.self) { Text($0).foregroundStyle(.tint) }
            if let error = form.error { Text(error).foregroundStyle(.red) }
            Button(form.submitLabel) { send(.myComplaints(.messageSubmitted(id: view.id, text: message))) }
        }
        .padding()
        .background(.quaternary, in: RoundedRectangle(cornerRadius: 12))
    }

    private func ratingForm(_ form: RatingFormView) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(form.prompt).font(.headline)
            HStack {
                ForEach(1...5, id: \.self) { n in
                    Button { stars = n } label: { Image(systemName: n <= stars ? "star.fill" : "star") }
                        .accessibilityLabel("\(form.starsLabel) \(n)/5")
                        .accessibilityAddTraits(n == stars ? .isSelected : [])
                }
            }
            .font(.title2)
            TextField(form.commentLabel, text: $comment)
            if let pending = form.pending { Text(pending).foregroundStyle(.tint) }
            if let error = form.error { Text(error).foregroundStyle(.red) }
            Button(form.submitLabel) {
                send(.myComplaints(.ratingSubmitted(id: view.id, stars: UInt8(stars), comment: comment)))
            }
            .disabled(stars == 0)
        }
        .padding()
        .background(.quaternary, in: RoundedRectangle(cornerRadius: 12))
    }

    private func reopenForm(_ form: ReopenFormView) -> some View {
        VStack(alignment: .leading, spacing: 8) {
            Text(form.prompt)
            TextField(form.reasonLabel, text: $reason, axis: .vertical).lineLimit(3...6)
            if let pending = form.pending { Text(pending).foregroundStyle(.tint) }
            if let error = form.error { Text(error).foregroundStyle(.red) }
            Button(form.submitLabel) { send(.myComplaints(.reopenSubmitted(id: view.id, reason: reason))) }
        }
        .padding()
        .background(.quaternary, in: RoundedRectangle(cornerRadius: 12))
    }
}
