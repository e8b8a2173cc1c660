"""The enterprise register and the regular-visit work: enterprises (`enterprises`), finding
them by what a user types (`search`) and in the visit form's order of likelihood (`picker`),
visit intervals and due dates (`cadence`), visits (`visits`), hazards and unstable factors
followed until closed (`findings`) and unsaved form input (`drafts`). Uses `jurisdiction` for
the tree and `accounts` for rights and audit."""
