import numpy as np
import pytest

from playground import format as fmt
from playground.charts import descent as descent_charts
from playground.charts import theme
from playground.models import dataset, descent, landscapes
from tests.apptest import plain

LAND = landscapes.HOUSE
GRID = landscapes.grid(LAND, 20)
GROUND = descent_charts.landscape(LAND, GRID)


def _paths(lr=0.1, steps=30, optimizers=("gd", "adam")):
    return {o: descent.run(LAND, o, LAND.at(0.2, 0.9), lr, steps) for o in optimizers}


def _named(spec, name):
    return next(t for t in spec["data"] if t.get("name") == name)


def test_the_player_has_one_frame_per_step_moving_each_walker_along_its_path():
    paths = _paths(steps=30)
    spec = plain(descent_charts.descent_player(LAND, GROUND, paths))
    frames = spec["frames"]
    assert len(frames) == 31 and [f["name"] for f in frames[:3]] == ["0", "1", "2"]
    walkers = [t.get("name") for t in spec["data"]].index("Where each walker stands")
    at_ten = frames[10]["data"][frames[10]["traces"].index(walkers)]
    for i, optimizer in enumerate(paths):  # one point per walker, in the order of the paths
        np.testing.assert_allclose([at_ten["x"][i], at_ten["y"][i]], paths[optimizer].positions[10], atol=1e-5)
    slider = spec["layout"]["sliders"][0]
    assert len(slider["steps"]) == 31 and slider["steps"][5]["args"][0] == ["5"]
    readout = [t.get("name") for t in spec["data"]].index("Step now")
    assert [f["data"][f["traces"].index(readout)]["text"] for f in frames[:2]] == [["Step 0"], ["Step 1"]]
    labels = [b["label"] for b in spec["layout"]["updatemenus"][0]["buttons"]]
    assert labels == ["▶ Play", "❚❚ Pause"]


@pytest.mark.parametrize(
    ("land", "lr", "optimizers"),
    [(LAND, 0.1, ("gd", "adam")), (LAND, 2.0, ("gd",)), (landscapes.LANDSCAPES["ravine"], 0.2, ("gd", "momentum"))],
    ids=["settles", "diverges", "log scale"],
)
def test_the_step_readout_sits_in_the_loss_panels_top_corner_above_every_curve(land, lr, optimizers):
    """In the gap above the loss panel, "Step 0" ran into the map's tick labels and axis title in
    a narrow column (Gradient descent at 1024 px, and on a phone)."""
    paths = {o: descent.run(land, o, land.at(0.2, 0.9), lr, 40) for o in optimizers}
    grid = landscapes.grid(land, 20)
    spec = plain(descent_charts.descent_player(land, descent_charts.landscape(land, grid), paths))
    panel = spec["layout"]["yaxis2"]
    low, high = panel["range"]
    readout = _named(spec, "Step now")
    to_axis = np.log10 if panel["type"] == "log" else np.asarray
    assert readout["textposition"] == "bottom left" and to_axis(readout["y"][0]) == pytest.approx(high)
    assert readout["x"][0] == spec["layout"]["xaxis2"]["range"][1]  # the panel's right edge
    curves = [t for t in spec["data"] if t.get("yaxis") == "y2" and t.get("mode") == "lines"]
    assert len(curves) == len(optimizers)
    clear = low + (1 - descent_charts.READOUT_ROOM) * (high - low)
    for curve in curves:
        shown = to_axis(np.asarray(curve["y"], dtype=float))
        assert shown.max() <= clear + 1e-6 and shown.min() >= low  # the room above stays empty


def test_the_players_buttons_hang_under_the_step_axis_by_pixels_not_a_share_of_the_plot():
    """Placed at 9% of the plot's height under it, Play and Pause rose into the axis title "Step"
    when the plot was short (a narrow column: two legend rows take its height)."""
    layout = descent_charts.descent_player(LAND, GROUND, _paths(steps=30))["layout"]
    buttons, slider = layout["updatemenus"][0], layout["sliders"][0]
    assert buttons["y"] == slider["y"] == 0 and buttons["yanchor"] == slider["yanchor"] == "top"
    assert buttons["pad"]["t"] == theme.UNDER_THE_AXIS < slider["pad"]["t"]
    assert slider["pad"]["t"] + 45 <= layout["margin"]["b"]  # the slider and its labels inside the chart


@pytest.mark.parametrize("blindfold", [False, True])
def test_the_player_is_plain_json_ready_to_send(blindfold):
    import json

    spec = descent_charts.descent_player(LAND, GROUND, _paths(steps=30), blindfold=blindfold)
    sent = json.loads(json.dumps(spec))  # the standard encoder knows no numpy: nothing is left unencoded
    assert len(sent["frames"]) == 31 and sent["data"][0]["x"]["dtype"] == "f4"


@pytest.mark.parametrize("steps", [30, 60, 150, 200])
def test_the_step_slider_stops_evenly_at_no_more_than_31_frames_and_the_chart_says_the_exact_step(steps):
    spec = plain(descent_charts.descent_player(LAND, GROUND, _paths(steps=steps)))
    slider = spec["layout"]["sliders"][0]
    at = [int(s["args"][0][0]) for s in slider["steps"]]
    assert at[0] == 0 and at[-1] == steps and len(at) <= theme.STOPS
    assert [s["label"] for s in slider["steps"]] == [str(a) for a in at]
    gaps = np.diff(at)
    assert gaps.max() <= -(-steps // (theme.STOPS - 1)) and gaps.min() >= 1  # even, up to the last stop
    assert slider["currentvalue"] == {"visible": False}  # it would lag between stops
    readout = _named(spec, "Step now")
    assert readout["mode"] == "text" and readout["xaxis"] == "x2"
    index = spec["data"].index(readout)
    shown = [f["data"][f["traces"].index(index)]["text"][0] for f in spec["frames"]]
    assert shown == [f"Step {t}" for t in range(steps + 1)]  # every frame, not just the stops


def test_a_walk_that_ended_early_waits_at_its_last_point():
    paths = {"gd": descent.run(LAND, "gd", LAND.at(0.2, 0.9), 0.25, 40), "adam": _paths(steps=40)["adam"]}
    assert paths["gd"].outcome == "diverged"
    spec = plain(descent_charts.descent_player(LAND, GROUND, paths))
    assert len(spec["frames"]) == 41
    walkers = [t.get("name") for t in spec["data"]].index("Where each walker stands")
    last = spec["frames"][-1]
    moved = last["data"][last["traces"].index(walkers)]
    expected = [paths["gd"].positions[-1, 0], paths["adam"].positions[-1, 0]]
    np.testing.assert_allclose(moved["x"], expected, atol=1e-5)
    assert all(np.isfinite(v) for f in spec["frames"] for d in f["data"] for v in d.get("x", []))


def test_the_map_shows_the_landscape_the_walks_and_the_valley_floor():
    paths = _paths()
    spec = plain(descent_charts.descent_player(LAND, GROUND, paths))
    (image,) = spec["layout"]["images"]  # a picture behind the axes: frames cannot wipe it
    assert image["source"].startswith("data:image/png;base64,") and image.get("visible", True)
    assert (image["x"], image["y"]) == (LAND.x_range[0], LAND.y_range[1]) and image["layer"] == "below"
    assert _named(spec, "Contour lines")["type"] == "scatter"
    touch = _named(spec, "Start here")  # an invisible grid over the whole map, edge to edge, reading the loss
    assert touch["type"] == "heatmap" and touch["opacity"] == 0
    assert (touch["x"][0], touch["x"][-1], touch["y"][0], touch["y"][-1]) == (*LAND.x_range, *LAND.y_range)
    assert touch["z"].shape == (descent_charts.TOUCH, descent_charts.TOUCH)
    X, Y = np.meshgrid(touch["x"], touch["y"])  # rows follow y
    np.testing.assert_allclose(touch["z"], LAND.loss(X, Y), rtol=1e-4)
    w, b = LAND.units.line_in_dollars(X, Y)  # hovering reads the line that point stands for
    np.testing.assert_allclose(touch["customdata"], np.stack([w, b], axis=-1), rtol=1e-5)
    np.testing.assert_allclose(_named(spec, "Adam")["x"], paths["adam"].positions[:, 0], rtol=1e-6)
    assert list(_named(spec, "Valley floor")["x"]) == [LAND.minima[0][0]]
    assert spec["layout"]["xaxis"]["range"] == list(LAND.x_range)
    assert spec["layout"]["xaxis"]["title"]["text"] == LAND.x_label


def test_blindfold_hides_the_landscape_and_curves_until_the_last_frame_and_points_downhill():
    paths = _paths(optimizers=("gd",))
    spec = plain(descent_charts.descent_player(LAND, GROUND, paths, blindfold=True))
    assert spec["data"][0]["visible"] is False and _named(spec, "Gradient descent loss")["visible"] is False
    assert spec["layout"]["images"][0]["visible"] is False
    assert _named(spec, "Where each walker stands").get("visible", True) is True
    arrow_index = [t.get("name") for t in spec["data"]].index("Downhill under its feet")
    first = spec["frames"][0]
    ax = first["data"][first["traces"].index(arrow_index)]
    p = paths["gd"].positions[0]
    gx, gy = LAND.grad(np.float64(p[0]), np.float64(p[1]))
    direction = np.array([ax["x"][1] - ax["x"][0], ax["y"][1] - ax["y"][0]])
    assert np.dot(direction, [gx, gy]) < 0  # against the gradient: downhill
    assert ax["x"][2] is None and ax["y"][2] is None  # the break before the next walker's arrow
    last = spec["frames"][-1]
    assert 0 in last["traces"] and last["data"][last["traces"].index(0)] == {"visible": True}
    assert last["layout"]["images"][0]["visible"] is True  # the picture comes back with the lines
    assert "visible" not in spec["frames"][-2]["data"][0] and "layout" not in spec["frames"][-2]


@pytest.mark.parametrize(("lr", "log"), [(0.1, True), (0.0001, False)])
def test_the_loss_axis_turns_logarithmic_when_the_loss_spans_decades(lr, log):
    paths = {"gd": descent.run(landscapes.RAVINE, "gd", (-2.5, 1.0), lr, 200)}
    assert plain(descent_charts.use_log_axis(paths)) is log


def test_the_3d_view_draws_the_surface_and_each_walk_on_it():
    paths = _paths()
    fig = plain(descent_charts.landscape_3d(LAND, GRID, paths))
    assert fig["data"][0]["type"] == "surface"
    walk = next(t for t in fig["data"] if t["name"] == "Adam")
    assert walk["type"] == "scatter3d" and len(walk["x"]) == len(paths["adam"].losses)
    assert walk["line"]["color"] == theme.OPTIMIZER_COLORS["adam"]


def test_two_starts_draws_both_walks_in_their_own_colours():
    land = landscapes.MOUNTAINS
    pair = {
        "First start": descent.run(land, "gd", (-3, 0.5), 0.2, 50),
        "Second start": descent.run(land, "gd", (3, 3), 0.2, 50),
    }
    fig = plain(descent_charts.two_starts(land, descent_charts.landscape(land, landscapes.grid(land, 20)), pair))
    first, second = (next(t for t in fig["data"] if t["name"] == n) for n in pair)
    assert first["line"]["color"] != second["line"]["color"]
    np.testing.assert_allclose(second["x"], pair["Second start"].positions[:, 0], rtol=1e-6)
    for name, path in pair.items():  # each walk sets off from a dot of its colour, where its sliders put it
        dot = next(t for t in fig["data"] if t["name"] == f"{name}: where it set off")
        np.testing.assert_allclose([dot["x"][0], dot["y"][0]], path.positions[0], rtol=1e-6)
        assert dot["marker"]["color"] == next(t for t in fig["data"] if t["name"] == name)["line"]["color"]


@pytest.mark.parametrize("optimizers", [("gd",), ("gd", "momentum", "rmsprop", "adam")])
def test_frames_move_exactly_the_moving_traces_and_the_reveal_uncovers_exactly_the_hidden_ones(optimizers):
    spec = descent_charts.descent_player(LAND, GROUND, _paths(optimizers=optimizers), blindfold=True)
    names = [t.get("name") for t in spec["data"]]
    first, last = spec["frames"][0], spec["frames"][-1]
    moving = ["Where each walker stands", "Loss now", "Downhill under its feet", "Step now"]
    assert [names[i] for i in first["traces"]] == moving
    hidden = [i for i, t in enumerate(spec["data"]) if t.get("visible") is False]
    assert last["traces"][len(moving) :] == hidden and len(hidden) == 3 + 2 * len(optimizers)


def test_the_house_bowl_reads_in_dollars_like_the_parameters_page():
    land = landscapes.HOUSE
    fig = plain(descent_charts.two_starts(land, descent_charts.landscape(land, landscapes.grid(land, 8)), {}))
    x, y = fig["layout"]["xaxis"], fig["layout"]["yaxis"]
    assert x["title"]["text"] == "Weight w: price per sq ft" and "$200" in x["ticktext"]
    assert y["title"]["text"] == "Bias b: starting price" and "$100k" in y["ticktext"]
    # a tick sits where the knob, in its computing units, means that many dollars
    assert x["tickvals"][x["ticktext"].index("$200")] == 2.0
    assert y["tickvals"][y["ticktext"].index("$100k")] == 1.0


def test_contour_lines_lie_on_their_levels():
    xs, ys = np.linspace(-2, 2, 30), np.linspace(-1, 3, 25)
    X, Y = np.meshgrid(xs, ys)
    F = X**2 + (Y - 1) ** 2  # circles around (0, 1)
    x, y = descent_charts._isolines(xs, ys, F, np.array([1.0]))
    points = ~np.isnan(x)
    assert points.sum() > 40 and np.isnan(x).sum() <= 2  # one closed line, not a gap after every segment
    radius = np.hypot(x[points], y[points] - 1)
    np.testing.assert_allclose(radius, 1.0, atol=0.02)  # linear interpolation on a fine grid


def test_the_painted_landscape_is_a_png_of_the_grid_dark_in_the_valley():
    import base64
    import struct
    import zlib

    spec = plain(descent_charts.two_starts(LAND, GROUND, {}))
    raw = base64.b64decode(spec["layout"]["images"][0]["source"].split(",", 1)[1])
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    assert (width, height) == (20, 20)
    rows = zlib.decompress(raw[raw.index(b"IDAT") + 4 : raw.index(b"IEND") - 8])
    pixels = np.frombuffer(rows, dtype=np.uint8).reshape(height, 1 + 3 * width)[:, 1:].reshape(height, width, 3)
    Z = np.flipud(GRID[2])  # the picture's first row is the map's top
    low, high = np.unravel_index(Z.argmin(), Z.shape), np.unravel_index(Z.argmax(), Z.shape)
    assert pixels[low].sum() < pixels[high].sum()  # valleys dark, peaks pale


@pytest.mark.parametrize("blindfold", [False, True])
def test_the_loss_axis_is_fixed_to_hold_every_loss_the_walks_will_show(blindfold):
    paths = _paths(lr=0.1, steps=60)
    spec = plain(descent_charts.descent_player(LAND, GROUND, paths, blindfold=blindfold))
    axis = spec["layout"]["yaxis2"]
    losses = np.concatenate([p.losses for p in paths.values()])
    low, high = axis["range"]
    if axis["type"] == "log":
        low, high = 10**low, 10**high
    assert low <= losses.min() and losses.max() <= high  # the revealed curves sit inside the axis


def test_a_click_on_a_touchable_point_reads_as_the_start_sliders_fractions():
    spec = plain(descent_charts.descent_player(LAND, GROUND, _paths()))
    touch = spec["data"][descent_charts.TOUCH_TRACE]
    assert touch["name"] == "Start here"
    x, y = LAND.at(0.25, 0.75)
    point = {"x": float(x), "y": float(y), "curve_number": descent_charts.TOUCH_TRACE}
    assert descent_charts.start_fractions(LAND, point) == (0.25, 0.75)
    assert descent_charts.start_fractions(LAND, {**point, "curve_number": 5}) is None  # a walk, not the map
    assert descent_charts.start_fractions(LAND, {"x": 3.0, "y": 1e9, "curve_number": 1}) is None  # off the map
    assert descent_charts.start_fractions(LAND, {"x": "3", "y": None}) is None


@pytest.mark.parametrize(("steps", "frame_ms"), [(10, 60), (60, 49), (150, 19), (200, 16)])
def test_play_walks_the_whole_path_in_about_three_seconds(steps, frame_ms):
    spec = descent_charts.descent_player(LAND, GROUND, _paths(steps=steps))
    play = spec["layout"]["updatemenus"][0]["buttons"][0]["args"][1]
    assert play["frame"]["duration"] == frame_ms and play["frame"]["redraw"] is False
    assert (steps + 1) * frame_ms <= 3_700  # 150 steps took 9 s at 60 ms a frame


def test_a_log_loss_axis_is_labelled_at_a_few_powers_of_ten_inside_its_range():
    mountains = landscapes.MOUNTAINS
    ground = descent_charts.landscape(mountains, landscapes.grid(mountains, 32))
    paths = {o: descent.run(mountains, o, mountains.at(0.2, 0.9), 10.0, 200) for o in descent.OPTIMIZERS}
    axis = plain(descent_charts.descent_player(mountains, ground, paths))["layout"]["yaxis2"]
    assert axis["type"] == "log"
    low, high = axis["range"]
    powers = np.log10(axis["tickvals"])
    assert 2 <= len(powers) <= 4 and np.allclose(powers, np.round(powers))  # 1, 10, 100: no 2s and 5s between
    assert low <= powers.min() and powers.max() <= high
    assert axis["ticktext"] == [fmt.power_of_ten(round(p)) for p in powers]


@pytest.mark.parametrize(
    ("low", "high", "shown"), [(-8.2, 2.2, ["10⁻⁸", "10⁻⁵", "0.01", "10"]), (-0.2, 1.9, ["1", "10"])]
)
def test_log_ticks_thin_out_long_ranges_and_keep_short_ones_whole(low, high, shown):
    assert descent_charts.log_ticks(low, high)["ticktext"] == shown


def _table(scale: float, price: dataset.Quantity) -> dataset.Pair:
    """Houses-like rows, prices multiplied by ``scale``."""
    rng = np.random.default_rng(5)
    x = rng.uniform(500, 4000, 120)
    y = (180 * x + rng.normal(0, 40_000, 120)) * scale
    return dataset.Pair(x, y, dataset.Quantity("Size"), price, "t")


@pytest.mark.parametrize(
    ("scale", "prefix", "formats"),
    [  # the same rows in dollars, then in rates 100, 10,000 and a billion times smaller
        (1, "$", ("$,.0f", "$,.0f")),
        (1e-2, "", (",.2~f", ",.0f")),
        (1e-4, "", (".3~g", ",.2~f")),
        (1e-9, "", (".3~g", ".3~g")),
    ],
)
def test_the_maps_readout_writes_a_learners_amounts_with_an_exponent_only_when_they_are_tiny(scale, prefix, formats):
    """-$75,971 and $145, not $-7.597e+4: whole numbers from 100 up, two decimals from 1, three digits below."""
    pair = _table(scale, dataset.Quantity("Price", "$") if prefix else dataset.Quantity("Rate", "", "%"))
    land = landscapes.line_bowl(pair)
    _, (_, touch) = descent_charts.landscape(land, landscapes.grid(land, 16))
    w, b = (f"%{{customdata[{k}]:{form}}}" for k, form in enumerate(formats))
    unit = "" if prefix else "%"
    assert touch["hovertemplate"].startswith(f"a line at {w}{unit} per Size and {b}{unit}:")
