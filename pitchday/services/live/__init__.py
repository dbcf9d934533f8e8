"""The live show of a pitch day: ``state`` (the row, the show's order, snapshots), ``timing`` (the timer and the
expected times of a show running late), ``transitions`` (the one transition function with its table of moves,
undo and the rehearsal reset), ``view`` (what screens and the control room receive) and ``channel`` (the
version every open screen polls, shared across processes through Redis when configured)."""
