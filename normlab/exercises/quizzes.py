"""Quizzes shared between lessons: the 12-item myth quiz of lessons 00 and 28.

Each statement paraphrases a claim of the course's source guide; each verdict
("true", "imprecise" or "false") and its one-line explanation follow the course's
errata, and each item names the lesson that settles it with a computed witness.

Lesson 00 shows the statements and records the learner's first answers without
revealing the verdicts (exercise 00.2, ``MYTH_QUIZ.grade(answers, reveal=False)``);
lesson 28 asks for the same dict again and grades it with ``reveal=True``.
Nothing is written to disk: the answers live in the learner's notebook.

Examples
--------
>>> from normlab.exercises.quizzes import MYTH_QUIZ
>>> len(MYTH_QUIZ.items), MYTH_QUIZ.choices
(12, ('true', 'imprecise', 'false'))
>>> MYTH_QUIZ.items[1].lesson   # the lesson whose computed witness settles item 2
'03'
>>> MYTH_QUIZ.grade({1: "true", 2: "False"}, reveal=False)  # doctest: +ELLIPSIS
 1. you said true
 2. you said false
 3. not answered yet
...
Recorded 2 of 12 answers; no verdicts are shown yet.
"""

from __future__ import annotations


from ._core import Quiz, QuizItem

__all__ = ["MYTH_QUIZ"]


_ITEMS = (
    QuizItem(
        "A small exponent p (p ≤ 1) rewards vectors that spread their weight thinly over many "
        "entries.",
        "false",
        "Reversed: small p rewards concentration. e₁ and (0.1, …, 0.1) in ℝ¹⁰⁰ both have L2 norm 1, "
        "but their L1 norms are 1 and 10.",
        "02",
    ),
    QuizItem(
        "The L0 count breaks the triangle inequality, and that is why it is not a norm.",
        "false",
        "The nonzeros of x + y sit where x or y has one, so ‖x + y‖₀ ≤ ‖x‖₀ + ‖y‖₀; the L0 count "
        "fails only absolute homogeneity (‖2x‖₀ = ‖x‖₀).",
        "03",
    ),
    QuizItem(
        "The L2 norm ‖x‖₂ is differentiable everywhere, the zero vector included.",
        "false",
        "In one dimension ‖x‖₂ is |x|, with a kink at 0; the squared norm ‖x‖₂², which ridge and "
        "weight decay use, is the smooth one.",
        "05",
    ),
    QuizItem(
        "As a penalty, L1 drives many weights to exactly zero, while squared L2 keeps them small "
        "but nonzero.",
        "true",
        "The kink of |w| at 0 lets the lasso stop a weight there exactly (soft-thresholding); the "
        "gradient 2w of w² vanishes at 0, so ridge shrinks the norm of the weights without zeroing any.",
        "07",
    ),
    QuizItem(
        "For every vector, the L∞ norm is smaller than the L2 norm, which is smaller than the L1 "
        "norm.",
        "imprecise",
        "The inequalities are ≤, not <: (0, 5, 0) has all three equal to 5, and equality holds "
        "whenever at most one entry is nonzero.",
        "08",
    ),
    QuizItem(
        "Every norm gives a distance d(x, y) = ‖x − y‖, but some distances come from no norm.",
        "true",
        "The Hamming distance ‖x − y‖₀ is a metric but comes from no norm: a norm's distance has "
        "d(2x, 0) = 2·d(x, 0), while Hamming gives d(2e₁, 0) = 1 = d(e₁, 0).",
        "09",
    ),
    QuizItem(
        "L1 and L∞ are each other's dual norms, and L2 is its own dual.",
        "true",
        "The largest ⟨y, x⟩ over the L∞ unit ball is ‖y‖₁ and over the L1 ball it is ‖y‖∞; by "
        "Cauchy–Schwarz the L2 ball gives ‖y‖₂.",
        "10",
    ),
    QuizItem(
        "Scaling every sample to unit L2 length makes features measured on very different scales "
        "comparable.",
        "imprecise",
        "That is the job of per-feature standardization (StandardScaler); per-sample unit length "
        "(Normalizer) rescales rows, and features keep their unequal scales within each row.",
        "11",
    ),
    QuizItem(
        "np.linalg.norm(x, ord) with ord = 1, 2 or np.inf returns the L1, L2 or L∞ norm of x.",
        "imprecise",
        "Only for 1-D input or with an integer axis: on a whole 2-D array the same ords give matrix "
        "norms, so np.linalg.norm([[1, 2], [3, 4]], 1) is 6, not the entrywise 10.",
        "13",
    ),
    QuizItem(
        "For 0 < p < 1, the formula (Σ|xᵢ|^p)^(1/p) still defines a norm.",
        "false",
        "It breaks the triangle inequality: with p = ½, x = (1, 0) and y = (0, 1) give "
        "‖x + y‖ = 4 > 2 = ‖x‖ + ‖y‖. It is a quasi-norm.",
        "15",
    ),
    QuizItem(
        "Adversarial training with PGD attacks at an L∞ budget of 8/255 certifies robustness: it "
        "proves that every input within the budget keeps its label.",
        "false",
        "PGD training raises empirical robust accuracy, which attacks measure and which upper-bounds true "
        "robustness; certified accuracy (from a verifier or certified training) is a lower bound, and lower.",
        "24",
    ),
    QuizItem(
        "Clipping the gradient's global L2 norm at 1.0 makes language-model training reliably "
        "stable.",
        "imprecise",
        "Clipping tames exploding gradients, but PaLM still saw about 20 loss spikes with clipping "
        "on and had to restart from earlier checkpoints.",
        "27",
    ),
)

MYTH_QUIZ = Quiz(items=_ITEMS, title="Myth quiz")
