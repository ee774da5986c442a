import { describe, expect, it } from "vitest";
import { editDistance, findNearest } from "./edit-distance.js";

const ROOT_FIELDS = ["apiVersion", "kind", "metadata", "spec"];

describe("findNearest", () => {
  it.each([
    ["id", ROOT_FIELDS, undefined],
    ["ki", ROOT_FIELDS, undefined],
    ["knd", ROOT_FIELDS, "kind"],
    ["spce", ROOT_FIELDS, "spec"],
    ["metdata", ROOT_FIELDS, "metadata"],
    ["apiversion", ROOT_FIELDS, "apiVersion"],
    ["name", ROOT_FIELDS, undefined],
    ["owner", ["owners", "steps"], "owners"],
    ["brith", ["birth", "exit"], "birth"],
    ["dept.alpah", ["dept.alpha", "dept.beta"], "dept.alpha"],
    ["dept.gamma", ["dept.alpha", "dept.beta"], undefined],
  ] as const)("suggests for %s among %j: %s", (input, candidates, expected) => {
    expect(findNearest(input, candidates)).toBe(expected);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["brith", "birth", 1],
    ["id", "kind", 2],
  ] as const)("%s → %s is %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});
