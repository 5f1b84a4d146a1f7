package org.zeri.app

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import kotlinx.coroutines.flow.StateFlow
import org.zeri.core.CoreFailure
import org.zeri.shared.Event
import org.zeri.shared.ViewModel

/**
 * The screens' state holder: the core's view model as one StateFlow (each screen composable
 * draws its own slice of it and is otherwise stateless), and the way events go back.
 */
class AppStateHolder(application: Application) : AndroidViewModel(application) {
    private val core = (application as ZeriApplication).core

    val state: StateFlow<ViewModel> = core.viewModel

    /** Failures between shell and core, for a crash-free report; the screens keep working. */
    val failure: StateFlow<CoreFailure?> = core.failure

    fun onEvent(event: Event) = core.send(event)
}
