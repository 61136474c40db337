package io.uptake.training.question;

/** SINGLE one right option, MULTIPLE a set of right options, ORDER the steps in the right order, NUMBER a number. */
public enum QuestionType {
    SINGLE,
    MULTIPLE,
    ORDER,
    NUMBER
}
