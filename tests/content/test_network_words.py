from playground.content.network import flat_note


def test_a_flat_neuron_is_named_in_the_singular_and_several_in_a_list():
    one = flat_note("tanh", [1], 0.0002, 0.5)
    assert one.startswith("h2 sits on a flat end of the tanh, where a nudge to its sum barely moves its output")
    assert "at most 0.0002 on a knob into it, against up to 0.500" in one
    several = flat_note("sigmoid", [0, 1, 2], 0.024, 0.501)
    assert several.startswith("h1, h2 and h3 sit on a flat end of the sigmoid")
    assert flat_note("relu", [0, 2], 0.0, 0.3).startswith("h1 and h3 are switched off: their sum is negative")
