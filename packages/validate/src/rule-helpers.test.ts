import { describe, expect, it } from "vitest";
import { BASE, checklist, matter } from "../test/project.js";
import { parseFiles } from "../test/rule-tester.js";
import { indexProject } from "./validate-documents.js";
import { matterLikes, walkDepartmentReferences, type Reference } from "./rule-helpers.js";

const PATCHED = checklist({
  spec: "  scope: total\n  patches:\n    - { matter: b-matter, set: { owners: { lead: dept.beta, partners: [dept.nowhere] } } }\n",
  matters: matter({ lines: ["owners: { lead: dept.alpha, partners: [dept.beta, dept.gamma] }", "steps: [{ name: { zh: 受理 }, department: dept.omega }]"] }) + matter({ id: "b-matter" }),
});

describe("matterLikes", () => {
  const index = indexProject(parseFiles({ ...BASE, "t.yaml": PATCHED }));
  const list = matterLikes(index).filter((entry) => entry.checklist.id === "cn.test");

  it("lists matters then patch sets, each with its own pointer and document", () => {
    expect(list.map((entry) => [entry.pointer, entry.patch, entry.document.path])).toEqual([
      ["/spec/matters/0", false, "t.yaml"],
      ["/spec/matters/1", false, "t.yaml"],
      ["/spec/patches/0/set", true, "t.yaml"],
    ]);
    expect(list[2]?.value.owners?.lead).toBe("dept.beta");
  });

  it("is computed once per index", () => {
    expect(matterLikes(index)).toBe(matterLikes(index));
    expect(matterLikes(indexProject(parseFiles({ ...BASE, "t.yaml": PATCHED })))).not.toBe(matterLikes(index));
  });
});

describe("walkDepartmentReferences", () => {
  const index = indexProject(parseFiles({ "t.yaml": PATCHED }));

  it("offers every reference in document order and builds only the selected ones", () => {
    const offered: string[] = [];
    const used: Reference[] = [];
    walkDepartmentReferences(index, {
      select: (id) => {
        offered.push(id);
        return id === "dept.gamma" || id === "dept.nowhere";
      },
      use: (reference) => used.push(reference),
    });
    expect(offered).toEqual(["dept.alpha", "dept.beta", "dept.gamma", "dept.omega", "dept.beta", "dept.nowhere"]);
    expect(used.map((reference) => [reference.id, reference.pointer])).toEqual([
      ["dept.gamma", "/spec/matters/0/owners/partners/1"],
      ["dept.nowhere", "/spec/patches/0/set/owners/partners/0"],
    ]);
  });
});
